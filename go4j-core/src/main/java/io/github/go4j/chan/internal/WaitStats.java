package io.github.go4j.chan.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * A diagnostic: how the waits of channel operations and selects ended — completed while spinning,
 * after the k-th yield, or only after parking. Enabled with {@code -Dgo4j.chan.waitStats=true}, which
 * prints one line to standard error when the JVM exits; when disabled the checks are a constant the JIT
 * folds away. It is how the channel's spin and yield policy is judged: counts do not move with the load
 * of the machine the way timings do.
 */
final class WaitStats {
    static final boolean ENABLED = Boolean.getBoolean("go4j.chan.waitStats");

    private static final LongAdder WAITS = new LongAdder();
    private static final LongAdder SPUN = new LongAdder();
    private static final LongAdder[] AFTER_YIELD = new LongAdder[8];
    private static final LongAdder PARKED = new LongAdder();

    static {
        for (int i = 0; i < AFTER_YIELD.length; i++) AFTER_YIELD[i] = new LongAdder();
        if (ENABLED) Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(summary()), "go4j-wait-stats"));
    }

    private WaitStats() {}

    /** A wait began (after the operation enqueued itself). */
    static void waited() {
        WAITS.increment();
    }

    /** The wait ended while spinning (or found the operation already complete). */
    static void endedSpinning() {
        SPUN.increment();
    }

    /** The wait ended after {@code yields} (1 or more) yields, before parking. */
    static void endedAfterYields(int yields) {
        AFTER_YIELD[Math.min(yields, AFTER_YIELD.length) - 1].increment();
    }

    /** The wait had to park at least once. */
    static void parked() {
        PARKED.increment();
    }

    /** One line: the number of waits and the share of each way they ended. */
    static String summary() {
        long waits = WAITS.sum();
        StringBuilder b = new StringBuilder("go4j wait stats: ").append(waits).append(" waits");
        if (waits == 0) return b.toString();
        b.append(String.format("; ended spinning %.1f%%", 100.0 * SPUN.sum() / waits));
        for (int i = 0; i < AFTER_YIELD.length; i++) {
            long n = AFTER_YIELD[i].sum();
            if (n > 0) b.append(String.format(", after %s%d yield%s %.1f%%", i == AFTER_YIELD.length - 1 ? "≥" : "", i + 1, i == 0 ? "" : "s", 100.0 * n / waits));
        }
        b.append(String.format(", parked %.1f%%", 100.0 * PARKED.sum() / waits));
        return b.toString();
    }
}
