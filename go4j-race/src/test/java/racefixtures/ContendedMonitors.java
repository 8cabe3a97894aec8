package racefixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Virtual threads (1,000 by default, the first argument) contend on a few monitors whose fields they
 * touch only inside {@code synchronized} (blocks and methods), while they allocate: the monitors'
 * owners are moved by the collector while threads wait to enter, unmounted (JEP 491). NORACE; prints
 * the totals, which must add up.
 */
public class ContendedMonitors {
    /** A shared account whose fields are guarded by its own monitor. */
    static final class Account {
        long balance;
        int updates;
        Object lastNote;

        synchronized void deposit(long amount, Object note) {
            balance += amount;
            updates++;
            lastNote = note;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int perThread = 20;
        long expected = 0;
        long total = 0;
        int updates = 0;
        for (int round = 0; round < rounds; round++) {
            // fresh, young monitors every round: a young collection moves them
            Account[] accounts = {new Account(), new Account(), new Account(), new Account()};
            List<Thread> started = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                started.add(Thread.ofVirtual().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < perThread; i++) {
                        Account a = accounts[random.nextInt(accounts.length)];
                        if ((i & 1) == 0) {
                            synchronized (a) {
                                a.balance += 2;
                                a.updates++;
                                a.lastNote = garbage();
                                Thread.yield(); // the holder unmounts: the threads that want the monitor block
                            }
                        } else {
                            a.deposit(2, garbage());
                        }
                    }
                }));
            }
            for (Thread t : started) t.join();
            for (Account a : accounts) {
                total += a.balance;
                updates += a.updates;
            }
            expected += 2L * threads * perThread;
        }
        if (total != expected || updates * 2L != expected) {
            throw new AssertionError("lost updates: balance " + total + " and " + updates + " updates, want " + expected);
        }
        System.out.println("balance " + total + " updates " + updates);
    }

    /** Some garbage, so that collections happen while threads wait for a monitor. */
    private static Object garbage() {
        Object[] g = new Object[32];
        for (int i = 0; i < g.length; i++) g[i] = new byte[128];
        return g[ThreadLocalRandom.current().nextInt(g.length)];
    }
}
