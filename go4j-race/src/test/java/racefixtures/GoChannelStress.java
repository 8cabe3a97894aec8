package racefixtures;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Many goroutines on a few go4j channels, every shared datum ordered by Go's channel rules only. Producers
 * fill the plain fields of a box, then send it on an unbuffered, a 1-slot or an 8-slot channel, in turn;
 * consumers select over the three (with a timeout case, while the main thread interrupts them now and
 * then), read the box's fields, and count it in a plain field guarded by a 1-slot channel used as a mutex
 * (a send locks it, a receive unlocks it: the k-th receive happens-before the (k+1)-th send completes).
 * With argument {@code race}, one producer also writes a box after sending it, which nothing orders with
 * the consumer's read. Prints {@code ok <received> <counted>}.
 */
public class GoChannelStress {
    static final class Box {
        int producer;
        int sequence;
    }

    private static final Box TIMEOUT = new Box();
    private static final Box CLOSED_0 = new Box();
    private static final Box CLOSED_1 = new Box();
    private static final Box CLOSED_2 = new Box();

    static int counted; // guarded by the channel mutex

    static void afterSend(Box b) {
        b.sequence = -1;
    }

    /** An operation that may be interrupted before it happens. */
    interface Blocking {
        void run() throws InterruptedException;
    }

    /** Runs {@code op} until it happens, keeping an interrupt that arrived meanwhile for later. */
    static void uninterruptibly(Blocking op) {
        boolean interrupted = false;
        while (true) {
            try {
                op.run();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    public static void main(String[] args) throws Exception {
        boolean race = args.length > 0 && args[0].equals("race");
        int producers = 32;
        int consumers = 32;
        int perProducer = 200;
        List<Chan<Box>> chans = List.of(Chan.make(), Chan.make(1), Chan.make(8));
        Chan<Boolean> mutex = Chan.make(1);
        Chan<Long> sums = Chan.make(consumers);

        List<Thread> producing = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            producing.add(Go.go(() -> {
                for (int i = 0; i < perProducer; i++) {
                    Box b = new Box();
                    b.producer = id;
                    b.sequence = i;
                    Chan<Box> c = chans.get((id + i) % chans.size());
                    uninterruptibly(() -> c.send(b));
                    if (race && id == 0 && i == perProducer / 2) afterSend(b);
                }
            }));
        }
        List<Thread> consuming = new ArrayList<>();
        for (int k = 0; k < consumers; k++) {
            consuming.add(Go.go(() -> {
                Chan<Box> a = chans.get(0);
                Chan<Box> b = chans.get(1);
                Chan<Box> w = chans.get(2);
                long got = 0;
                long fields = 0;
                while (a != null || b != null || w != null) {
                    Box v;
                    try {
                        v = Select.select(
                                Case.recvOk(a, (x, ok) -> ok ? x : CLOSED_0),
                                Case.recvOk(b, (x, ok) -> ok ? x : CLOSED_1),
                                Case.recvOk(w, (x, ok) -> ok ? x : CLOSED_2),
                                Case.after(Duration.ofMillis(1), () -> TIMEOUT));
                    } catch (InterruptedException e) {
                        continue; // interrupted while waiting: nothing was received
                    }
                    if (v == TIMEOUT) continue;
                    if (v == CLOSED_0) {
                        a = null;
                    } else if (v == CLOSED_1) {
                        b = null;
                    } else if (v == CLOSED_2) {
                        w = null;
                    } else {
                        got++;
                        fields += v.producer + v.sequence;
                        uninterruptibly(() -> mutex.send(true));
                        counted++;
                        uninterruptibly(mutex::recv);
                    }
                }
                long total = got;
                if (fields < 0) System.out.println("a box was changed after it was sent");
                uninterruptibly(() -> sums.send(total));
            }));
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (producing.stream().anyMatch(Thread::isAlive)) {
            consuming.get(rnd.nextInt(consuming.size())).interrupt();
            LockSupport.parkNanos(500_000); // pacing only: the interrupts land at random points of the run
        }
        for (Thread t : producing) t.join();
        for (Chan<Box> c : chans) c.close();
        long received = 0;
        for (int k = 0; k < consumers; k++) received += sums.recv();
        for (Thread t : consuming) t.join();
        uninterruptibly(() -> mutex.send(true));
        int finalCount = counted;
        uninterruptibly(mutex::recv);
        System.out.println("ok " + received + " " + finalCount);
    }
}
