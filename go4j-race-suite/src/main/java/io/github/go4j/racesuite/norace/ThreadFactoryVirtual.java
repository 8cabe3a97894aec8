package io.github.go4j.racesuite.norace;

import java.util.concurrent.ThreadFactory;

/** Two virtual threads from {@code Thread.ofVirtual().factory()} run one after the other (start after the previous join) on one field. */
public final class ThreadFactoryVirtual {

    private static int value;

    public static void main(String[] args) throws InterruptedException {
        ThreadFactory factory = Thread.ofVirtual().name("step-", 0).factory();
        for (int i = 0; i < 3; i++) {
            Thread step = factory.newThread(() -> value++);
            step.start();
            step.join();
        }
        if (value != 3) {
            throw new AssertionError();
        }
    }
}
