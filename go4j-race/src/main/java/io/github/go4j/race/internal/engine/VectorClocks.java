package io.github.go4j.race.internal.engine;

import java.util.Arrays;

/** Operations on vector clocks: {@code long[]} indexed by thread slot, missing entries are 0. */
public final class VectorClocks {
    static final long[] EMPTY = new long[0];

    private VectorClocks() {}

    /** {@code into} joined with {@code from} (pointwise maximum); may return a larger copy of {@code into}. */
    public static long[] join(long[] into, long[] from) {
        if (from.length > into.length) into = Arrays.copyOf(into, from.length);
        for (int i = 0; i < from.length; i++) {
            if (from[i] > into[i]) into[i] = from[i];
        }
        return into;
    }

    /** {@code vc} with {@code vc[tid] = value}, grown if needed. */
    public static long[] set(long[] vc, int tid, long value) {
        if (tid >= vc.length) vc = Arrays.copyOf(vc, Math.max(tid + 1, vc.length * 2));
        vc[tid] = value;
        return vc;
    }

    /** Whether {@code a <= b} pointwise (every event of {@code a} happens-before {@code b}). */
    public static boolean leq(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] > (i < b.length ? b[i] : 0)) return false;
        }
        return true;
    }
}
