package io.github.go4j.racesuite.norace;

/** Two virtual threads call a {@code static synchronized} method (the class's monitor) that updates a static field. */
public final class StaticSynchronizedMethod {

    private static int issued;

    static synchronized int nextTicket() {
        return ++issued;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = Thread.ofVirtual().start(StaticSynchronizedMethod::nextTicket);
        Thread b = Thread.ofVirtual().start(StaticSynchronizedMethod::nextTicket);
        a.join();
        b.join();
        if (nextTicket() != 3) {
            throw new AssertionError();
        }
    }
}
