package io.github.go4j.rate;

import java.time.Duration;
import java.time.Instant;

/** A {@link Reservation} of a {@link Limiter}: what was reserved, when to act, and the limit at that time. */
final class LimiterReservation implements Reservation {
    private final Limiter limiter;
    private final boolean ok;
    final int tokens;
    final long timeToAct; // epoch nanos
    final Limit limit;    // the limit when reserved; it may change later

    LimiterReservation(Limiter limiter, boolean ok, int tokens, long timeToAct, Limit limit) {
        this.limiter = limiter;
        this.ok = ok;
        this.tokens = tokens;
        this.timeToAct = timeToAct;
        this.limit = limit;
    }

    @Override
    public boolean ok() {
        return ok;
    }

    @Override
    public Duration delay() {
        return delay(Instant.now());
    }

    @Override
    public Duration delay(Instant now) {
        return Duration.ofNanos(delayNanos(Limiter.nanos(now)));
    }

    long delayNanos(long t) {
        if (!ok) return Long.MAX_VALUE;
        long d = Limiter.sub(timeToAct, t);
        return Math.max(d, 0);
    }

    @Override
    public void cancel() {
        cancel(Instant.now());
    }

    @Override
    public void cancel(Instant now) {
        long t = Limiter.nanos(now);
        if (ok) limiter.cancel(this, t);
    }

    @Override
    public String toString() {
        return ok ? "Reservation[" + tokens + " tokens]" : "Reservation[not ok]";
    }
}
