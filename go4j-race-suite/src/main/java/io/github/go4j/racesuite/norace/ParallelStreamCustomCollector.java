package io.github.go4j.racesuite.norace;

import java.util.stream.Collector;
import java.util.stream.IntStream;

/**
 * A parallel stream collected by a custom {@code Collector}: each worker accumulates into its own
 * container, the containers are combined, and the caller reads the result's fields after
 * {@code collect} returned.
 */
public final class ParallelStreamCustomCollector {
    static final class Stats {
        long count;
        long sum;

        void add(int v) {
            count++;
            sum += v;
        }

        Stats merge(Stats other) {
            count += other.count;
            sum += other.sum;
            return this;
        }
    }

    public static void main(String[] args) {
        Stats stats = IntStream.range(0, 50_000).parallel().boxed()
                .collect(Collector.of(Stats::new, Stats::add, Stats::merge));
        if (stats.count != 50_000 || stats.sum != 50_000L * 49_999 / 2) {
            throw new AssertionError(stats.count + " " + stats.sum);
        }
        System.out.println("count " + stats.count + ", sum " + stats.sum);
    }
}
