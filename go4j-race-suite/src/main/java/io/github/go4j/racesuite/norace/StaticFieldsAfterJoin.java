package io.github.go4j.racesuite.norace;

/** Two virtual threads each write their own static field; main reads both after joining. */
public final class StaticFieldsAfterJoin {

    private static long first;
    private static long second;

    public static void main(String[] args) throws InterruptedException {
        Thread a = Thread.ofVirtual().start(() -> first = 1);
        Thread b = Thread.ofVirtual().start(() -> second = 2);
        a.join();
        b.join();
        if (first + second != 3) {
            throw new AssertionError();
        }
    }
}
