package io.github.go4j.racesuite.race;

import java.util.concurrent.ThreadFactory;

/** Two virtual threads made by {@code Thread.ofVirtual().factory()} both write {@code last}: the two writes race. */
public final class VirtualFactorySiblings {

    private static String last;

    public static void main(String[] args) throws InterruptedException {
        ThreadFactory factory = Thread.ofVirtual().name("sibling-", 0).factory();
        Thread a = factory.newThread(() -> last = "a");
        Thread b = factory.newThread(() -> last = "b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("last = " + last);
    }
}
