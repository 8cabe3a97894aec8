package io.github.go4j.examples;

import io.github.go4j.sync.WaitGroup;

/**
 * The seed's racy counter, as a program of its own: ten goroutines increment one plain field with no
 * synchronisation ({@code counter++ // Race condition!}). Run under the race detector
 * ({@code go4j run --race}, or {@code go4j demo race}) it is reported and exits 66.
 */
public final class RacyCounter {
    static int counter;

    private RacyCounter() {}

    /**
     * Runs the ten racing goroutines and prints the counter; lost increments can leave it short of 10000.
     *
     * @param args not used
     * @throws InterruptedException if interrupted while waiting for the goroutines
     */
    public static void main(String[] args) throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        for (int g = 0; g < 10; g++) {
            wg.go(() -> {
                for (int i = 0; i < 1000; i++) counter++; // Race condition!
            });
        }
        wg.await();
        System.out.println("counter = " + counter + " (10 goroutines x 1000 increments; without synchronisation some can be lost)");
    }
}
