package io.github.go4j.racesuite.norace;

/** The producer writes {@code data}, then sets {@code ready} and notifies under the monitor; the consumer waits in a loop under the monitor and then reads {@code data}. */
public final class WaitNotify {

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
            data = 42;
            synchronized (LOCK) {
                ready = true;
                LOCK.notifyAll();
            }
        });
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
