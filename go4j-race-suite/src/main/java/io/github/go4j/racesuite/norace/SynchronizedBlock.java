package io.github.go4j.racesuite.norace;

/** Two threads increment {@code count} 1000 times each inside {@code synchronized} on one lock; main reads it after join. */
public final class SynchronizedBlock {

    private static final Object LOCK = new Object();
    private static int count; // guarded by LOCK

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (LOCK) {
                    count++;
                }
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        if (count != 2000) {
            throw new AssertionError("count = " + count);
        }
    }
}
