package io.github.go4j.racesuite.norace;

/** A record built by a worker is published through a volatile field; main reads its components (final fields, written in the constructor). */
public final class RecordPublishedViaVolatile {

    record Range(int low, int high) {}

    private static volatile Range published;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = Thread.ofVirtual().start(() -> published = new Range(1, 9));
        Range r;
        while ((r = published) == null) {
            Thread.onSpinWait();
        }
        if (r.high() - r.low() != 8) {
            throw new AssertionError();
        }
        worker.join();
    }
}
