package io.github.go4j.racesuite.race;

/** The producer writes {@code data} after leaving the monitor it notified through: that write races with the consumer's read after its wait. */
public final class WaitNotifyDataWrittenAfterNotify {

    private static final Object LOCK = new Object();
    private static boolean ready; // guarded by LOCK
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(() -> {
            try {
                synchronized (LOCK) {
                    while (!ready) {
                        LOCK.wait();
                    }
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.println("data = " + data);
        });
        Thread producer = new Thread(() -> {
            synchronized (LOCK) {
                ready = true;
                LOCK.notifyAll();
            }
            data = 42;
        });
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
