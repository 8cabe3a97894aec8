package io.github.go4j.racesuite.norace;

/** Double-checked locking on a volatile field: the write inside the lock happens-before every unsynchronised read that sees it. */
public final class DoubleCheckedLockingVolatile {

    static final class Config {
        int port;

        Config() {
            port = 8080;
        }
    }

    private static final Object LOCK = new Object();
    private static volatile Config instance;

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
        Runnable use = () -> {
            if (instance().port != 8080) {
                throw new AssertionError();
            }
        };
        Thread a = new Thread(use);
        Thread b = new Thread(use);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
