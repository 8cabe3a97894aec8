package io.github.go4j.racesuite.norace;

/** An enum constant's mutable field is updated by two threads through the constant's synchronized method. */
public final class EnumSynchronizedField {

    enum Meter {
        INSTANCE;

        private long ticks;

        synchronized long tick() {
            return ++ticks;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> Meter.INSTANCE.tick());
        Thread b = new Thread(() -> Meter.INSTANCE.tick());
        a.start();
        b.start();
        a.join();
        b.join();
        if (Meter.INSTANCE.tick() != 3) {
            throw new AssertionError();
        }
    }
}
