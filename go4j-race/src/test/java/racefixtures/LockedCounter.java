package racefixtures;

/** counter++ under one monitor, read after join: NORACE. */
public class LockedCounter {
    private int count;

    synchronized void inc() {
        count++;
    }

    public static void main(String[] args) throws InterruptedException {
        LockedCounter c = new LockedCounter();
        Object lock = new Object();
        int[] other = new int[1];
        Runnable r = () -> {
            for (int i = 0; i < 1000; i++) {
                c.inc();
                synchronized (lock) {
                    other[0]++;
                }
            }
        };
        Thread a = Thread.ofVirtual().start(r);
        Thread b = new Thread(r);
        b.start();
        a.join();
        b.join();
        System.out.println(c.count + " " + other[0]);
    }
}
