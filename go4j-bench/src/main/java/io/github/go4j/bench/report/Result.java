package io.github.go4j.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One measured figure: benchmark {@code key} (a JMH class with its parameters, e.g.
 * {@code Buffered1P1CBench[capacity=16]}, or a Go benchmark's name without {@code Benchmark} and the
 * GOMAXPROCS suffix, e.g. {@code Buffered1P1C16}), measured for {@code peer} in its {@code variant}, as the
 * median of {@code samples} in nanoseconds per unit of work.
 */
record Result(String key, Peer peer, String variant, double medianNs, int samples) {

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no samples");
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
