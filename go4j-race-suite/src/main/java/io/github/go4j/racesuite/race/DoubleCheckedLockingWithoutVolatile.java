package io.github.go4j.racesuite.race;

/** Double-checked locking on a non-volatile field: the unsynchronised first read of {@code instance} races with the write inside the lock by the other thread. */
public final class DoubleCheckedLockingWithoutVolatile {

    static final class Config {
        int port;

        Config() {
            port = 8080;
        }
    }

    private static final Object LOCK = new Object();
    private static Config instance;

    static Config instance() {
        Config c = instance;
        if (c == null) {
            synchronized (LOCK) {
                c = instance;
                if (c == null) {
                    c = new Config();
                    instance = c;
                }
            }
        }
        return c;
    }

    public static void main(String[] args) throws InterruptedException {
        Runnable use = () -> System.out.println("port = " + instance().port);
        Thread a = new Thread(use);
        Thread b = new Thread(use);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
