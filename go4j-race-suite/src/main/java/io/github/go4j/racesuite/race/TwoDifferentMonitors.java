package io.github.go4j.racesuite.race;

/** Two threads increment {@code count}, each under a different monitor: the two {@code count++} race. */
public final class TwoDifferentMonitors {

    private static final Object LOCK_A = new Object();
    private static final Object LOCK_B = new Object();
    private static int count;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> {
            synchronized (LOCK_A) {
                count++;
            }
        });
        Thread b = new Thread(() -> {
            synchronized (LOCK_B) {
                count++;
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("count = " + count);
    }
}
