package io.github.go4j.racesuite.overhead;

import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock-heavy bank: accounts with a ReentrantLock each, four threads making random transfers, each
 * taking the two accounts' locks in account order (no deadlock). Money is neither made nor lost: the
 * total balance is the check, and the checksum is the balances weighted by account number.
 */
public final class BankTransfers {

    private static final int ACCOUNTS = 1_000;
    private static final int THREADS = 4;
    private static final int TRANSFERS_PER_THREAD = 10_000_000;
    private static final long INITIAL = 1_000;

    static final class Account {
        final int id;
        final ReentrantLock lock = new ReentrantLock();
        long balance; // guarded by lock

        Account(int id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    private BankTransfers() {}

    public static void main(String[] args) throws InterruptedException {
        Account[] accounts = new Account[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts[i] = new Account(i, INITIAL);
        }
        Thread[] tellers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            long seed = 42 + t;
            tellers[t] = new Thread(() -> transfers(accounts, new SplittableRandom(seed)), "teller-" + t);
            tellers[t].start();
        }
        for (Thread t : tellers) {
            t.join();
        }
        long total = 0;
        long checksum = 0;
        for (Account a : accounts) {
            total += a.balance;
            checksum = checksum * 31 + a.balance;
        }
        if (total != ACCOUNTS * INITIAL) {
            throw new IllegalStateException("total " + total + ", expected " + ACCOUNTS * INITIAL);
        }
        System.out.printf("bank %d accounts, %d transfers: total %d, checksum %d ok%n",
                ACCOUNTS, THREADS * TRANSFERS_PER_THREAD, total, checksum);
    }

    private static void transfers(Account[] accounts, SplittableRandom random) {
        for (int n = 0; n < TRANSFERS_PER_THREAD; n++) {
            Account from = accounts[random.nextInt(ACCOUNTS)];
            Account to = accounts[random.nextInt(ACCOUNTS)];
            if (from == to) {
                continue;
            }
            Account first = from.id < to.id ? from : to;
            Account second = from.id < to.id ? to : from;
            first.lock.lock();
            try {
                second.lock.lock();
                try {
                    long amount = Math.min(from.balance, 1 + random.nextInt(50));
                    from.balance -= amount;
                    to.balance += amount;
                } finally {
                    second.lock.unlock();
                }
            } finally {
                first.lock.unlock();
            }
        }
    }
}
