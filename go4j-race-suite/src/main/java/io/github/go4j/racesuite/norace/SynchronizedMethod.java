package io.github.go4j.racesuite.norace;

/** Two threads call synchronized instance methods that read and write {@code balance}. */
public final class SynchronizedMethod {

    private int balance;

    synchronized void deposit(int amount) {
        balance += amount;
    }

    synchronized int balance() {
        return balance;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronizedMethod account = new SynchronizedMethod();
        Thread a = new Thread(() -> account.deposit(10));
        Thread b = new Thread(() -> System.out.println("seen " + account.balance()));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
