package io.github.go4j.racesuite.norace;

import java.util.stream.IntStream;

/**
 * {@code forEachOrdered} on a parallel stream: the JDK runs the action for one element at a time, each
 * happening-before the next, so an action that updates plain fields is safe (the mapping before it
 * runs on the workers, unordered).
 */
public final class ParallelStreamForEachOrdered {
    private static int count;
    private static long last = -1;

    public static void main(String[] args) {
        IntStream.range(0, 20_000).parallel().mapToLong(i -> (long) i * i).forEachOrdered(v -> {
            if (v <= last) throw new AssertionError("out of order");
            last = v;
            count++;
        });
        System.out.println("count " + count + ", last " + last);
    }
}
