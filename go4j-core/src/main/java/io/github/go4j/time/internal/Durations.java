package io.github.go4j.time.internal;

import java.time.Duration;

/** Duration to nanoseconds for the timer heap: saturating, never overflowing. */
public final class Durations {
    private Durations() {}

    /** {@code d} in nanoseconds, clamped to the range of a long. */
    public static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
