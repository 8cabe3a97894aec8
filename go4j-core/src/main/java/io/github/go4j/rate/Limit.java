package io.github.go4j.rate;

import java.time.Duration;
import java.util.Objects;

/**
 * Go's {@code rate.Limit}: a maximum frequency of events, in events per second. {@link #INF} allows every
 * event (even with burst 0); a zero limit allows no events beyond the initial burst.
 */
public final class Limit {
    /** Go's {@code rate.Inf}: no limit. */
    public static final Limit INF = new Limit(Double.MAX_VALUE);

    private final double eventsPerSecond;

    private Limit(double eventsPerSecond) {
        this.eventsPerSecond = eventsPerSecond;
    }

    /**
     * {@code eventsPerSecond} events per second ({@code rate.Limit(r)}); infinity is {@link #INF}.
     *
     * @param eventsPerSecond the rate
     * @return the limit
     * @throws IllegalArgumentException if {@code eventsPerSecond} is negative or NaN
     */
    public static Limit perSecond(double eventsPerSecond) {
        if (!(eventsPerSecond >= 0)) {
            throw new IllegalArgumentException("eventsPerSecond must be >= 0, got " + eventsPerSecond);
        }
        if (eventsPerSecond >= Double.MAX_VALUE) return INF;
        return new Limit(eventsPerSecond);
    }

    /**
     * One event every {@code interval} ({@code rate.Every}); a zero or negative interval is {@link #INF}.
     *
     * @param interval the time between two events
     * @return the limit
     * @throws NullPointerException if {@code interval} is null
     */
    public static Limit every(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) return INF;
        return new Limit(1 / seconds(interval));
    }

    /** {@code d} in seconds, computed as Go's {@code Duration.Seconds} does (whole seconds plus the fraction). */
    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /**
     * The limit in events per second ({@link Double#MAX_VALUE} for {@link #INF}).
     *
     * @return the rate in events per second
     */
    public double eventsPerSecond() {
        return eventsPerSecond;
    }

    /**
     * True for {@link #INF}.
     *
     * @return whether this is {@link #INF}
     */
    public boolean isInf() {
        return eventsPerSecond == Double.MAX_VALUE;
    }

    /** Go's {@code durationFromTokens}: nanoseconds to accumulate {@code tokens}, saturating at {@code Long.MAX_VALUE}. */
    long durationFromTokens(double tokens) {
        if (eventsPerSecond <= 0) return Long.MAX_VALUE;
        double nanos = tokens / eventsPerSecond * 1e9;
        if (nanos > (double) Long.MAX_VALUE) return Long.MAX_VALUE;
        return (long) nanos;
    }

    /** Go's {@code tokensFromDuration}: tokens accumulated over {@code nanos}. */
    double tokensFromDuration(long nanos) {
        if (eventsPerSecond <= 0) return 0;
        double seconds = (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
        return seconds * eventsPerSecond;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limit l && Double.compare(l.eventsPerSecond, eventsPerSecond) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(eventsPerSecond);
    }

    @Override
    public String toString() {
        return isInf() ? "Limit.INF" : "Limit[" + eventsPerSecond + "/s]";
    }
}
