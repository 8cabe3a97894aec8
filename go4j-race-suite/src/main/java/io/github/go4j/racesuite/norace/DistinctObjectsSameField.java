package io.github.go4j.racesuite.norace;

/** Two threads write the same field of two different objects: accesses to different objects never conflict. */
public final class DistinctObjectsSameField {

    static final class Counter {
        int n;
    }

    public static void main(String[] args) throws InterruptedException {
        Counter mine = new Counter();
        Counter yours = new Counter();
        Thread a = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                mine.n++;
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                yours.n++;
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        if (mine.n + yours.n != 200) {
            throw new AssertionError();
        }
    }
}
