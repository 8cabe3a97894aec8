package io.github.go4j.racesuite.race;

import java.util.stream.IntStream;

/** A parallel stream's callbacks all increment one plain static counter: the callbacks race with each other. */
public final class ParallelStreamSharedCounter {
    private static long hits;

    public static void main(String[] args) {
        IntStream.range(0, 100_000).parallel().forEach(i -> hits++);
        System.out.println("hits " + hits);
    }
}
