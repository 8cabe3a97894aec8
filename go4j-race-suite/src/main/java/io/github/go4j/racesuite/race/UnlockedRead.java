package io.github.go4j.racesuite.race;

/** The writer updates {@code balance} inside {@code synchronized}, the auditor reads it without the monitor: that write and that read race. */
public final class UnlockedRead {

    private final Object lock = new Object();
    private int balance;

    void deposit(int amount) {
        synchronized (lock) {
            balance += amount;
        }
    }

    int peek() {
        return balance;
    }

    public static void main(String[] args) throws InterruptedException {
        UnlockedRead account = new UnlockedRead();
        Thread writer = new Thread(() -> account.deposit(10));
        Thread auditor = new Thread(() -> System.out.println("seen " + account.peek()));
        writer.start();
        auditor.start();
        writer.join();
        auditor.join();
    }
}
