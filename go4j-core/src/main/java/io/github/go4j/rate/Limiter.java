package io.github.go4j.rate;

import io.github.go4j.context.Context;
import io.github.go4j.context.DeadlineExceededException;
import io.github.go4j.context.internal.ContextOps;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Go's {@code golang.org/x/time/rate.Limiter}: a token bucket of size {@code burst}, initially full and refilled
 * at {@code limit} tokens per second. Over any long enough interval it allows {@code limit} events per second,
 * with bursts of at most {@code burst}. With {@link Limit#INF} every event is allowed, whatever the burst.
 *
 * <p>Three ways to spend tokens: {@link #allowN} (drop events over the limit), {@link #reserveN} (learn how long to
 * wait, or cancel), {@link #awaitN} (block until allowed, bounded by a context). Each method that depends on time
 * has an overload taking {@code now}, so that tests and simulations need no clock; times may even go backwards
 * (as in Go, an earlier {@code now} is then treated as the last update time). The arithmetic is Go's exactly
 * (float64 tokens, nanosecond durations), so Go's test numbers hold.
 *
 * <p>All methods are safe for concurrent use; only {@link #await}/{@link #awaitN} block.
 */
public final class Limiter {
    /*
     * Implementation note (x/time/rate's algorithm). The state is the token count at time last, the limit and
     * the burst, all under this object's monitor. Tokens are never stored as time passes: advance(t) computes
     * them from last, capped at the burst. A reservation takes its tokens at once, possibly driving the count
     * negative, and gets the time at which the count is back to zero (timeToAct); lastEvent is the latest such
     * time, so that cancelling gives back only the tokens that no later reservation has built on. Times are
     * epoch nanoseconds (Go's zero Time is ZERO_TIME) with saturating arithmetic, as Go's Time.Sub saturates.
     */
    /** Go's zero {@code time.Time}: before every instant. */
    static final long ZERO_TIME = Long.MIN_VALUE;

    private Limit limit;      // guarded by this
    private int burst;        // guarded by this
    private double tokens;    // guarded by this
    private long last;        // guarded by this: epoch nanos of the last update of tokens
    private long lastEvent;   // guarded by this: epoch nanos of the latest rate-limited event (past or future)

    /**
     * A limiter allowing {@code limit} events per second with bursts of up to {@code burst}, starting full.
     *
     * @param limit the events allowed per second
     * @param burst the most tokens one call may take; the bucket's size
     * @throws NullPointerException if {@code limit} is null
     * @throws IllegalArgumentException if {@code burst < 0}
     */
    public Limiter(Limit limit, int burst) {
        this.limit = Objects.requireNonNull(limit, "limit");
        if (burst < 0) throw new IllegalArgumentException("burst must be >= 0, got " + burst);
        this.burst = burst;
        this.tokens = burst;
        this.last = ZERO_TIME;
        this.lastEvent = ZERO_TIME;
    }

    /**
     * The current limit.
     *
     * @return the limit
     */
    public synchronized Limit limit() {
        return limit;
    }

    /**
     * The current burst: the most tokens one call may take.
     *
     * @return the burst
     */
    public synchronized int burst() {
        return burst;
    }

    /**
     * {@code allowN(Instant.now(), 1)}.
     *
     * @return whether one event may happen now
     */
    public boolean allow() {
        return allowN(Instant.now(), 1);
    }

    /**
     * {@code allowN(now, 1)}.
     *
     * @param now the time of the event
     * @return whether one event may happen at {@code now}
     */
    public boolean allow(Instant now) {
        return allowN(now, 1);
    }

    /**
     * Whether {@code n} events may happen at {@code now}; if so their tokens are spent. Never blocks.
     *
     * @param now the time of the events
     * @param n how many events
     * @return whether they may happen (their tokens are then spent)
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public boolean allowN(Instant now, int n) {
        return reserve(nanos(now), checkN(n), 0).ok();
    }

    /**
     * {@code reserveN(Instant.now(), 1)}.
     *
     * @return the reservation of one event now
     */
    public Reservation reserve() {
        return reserveN(Instant.now(), 1);
    }

    /**
     * {@code reserveN(now, 1)}.
     *
     * @param now the time of the event
     * @return the reservation of one event at {@code now}
     */
    public Reservation reserve(Instant now) {
        return reserveN(now, 1);
    }

    /**
     * Reserves {@code n} events at {@code now}: the result says how long to wait before they may happen. It is not
     * {@link Reservation#ok() ok} (and reserves nothing) if {@code n} exceeds the burst.
     *
     * @param now the time of the events
     * @param n how many events
     * @return the reservation, which says how long to wait
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Reservation reserveN(Instant now, int n) {
        return reserve(nanos(now), checkN(n), Long.MAX_VALUE);
    }

    /** Go's internal {@code reserveN(t, n, maxFutureReserve)}, for tests. */
    LimiterReservation reserveN(Instant now, int n, Duration maxFutureReserve) {
        return reserve(nanos(now), checkN(n), saturatedNanos(maxFutureReserve));
    }

    /**
     * {@code awaitN(ctx, 1)}.
     *
     * @param ctx bounds the wait: its cancellation or deadline ends it
     * @throws InterruptedException if interrupted while waiting (the reservation is cancelled)
     */
    public void await(Context ctx) throws InterruptedException {
        awaitN(ctx, 1);
    }

    /**
     * Blocks until {@code n} events may happen. Fails at once, spending nothing, if {@code n} exceeds the burst
     * (unless the limit is {@link Limit#INF}), if {@code ctx} is done, or if the wait would outlast {@code ctx}'s
     * deadline. If {@code ctx} is done while waiting, the reservation is cancelled (its tokens given back as far as
     * possible) and the context's error is thrown.
     *
     * @param ctx the context whose end abandons the wait
     * @param n the number of events
     * @throws NullPointerException if {@code ctx} is null
     * @throws IllegalArgumentException "rate: Wait(n=N) exceeds limiter's burst B", or if {@code n < 0}
     * @throws DeadlineExceededException "rate: Wait(n=N) would exceed context deadline" (not the shared
     *     {@link Context#DEADLINE_EXCEEDED}: the context itself is not done)
     * @throws io.github.go4j.context.CanceledException or {@link DeadlineExceededException} (as
     *     {@link Context#throwIfDone()} throws them), if {@code ctx} is done before or while waiting
     * @throws InterruptedException if interrupted while waiting (the reservation is cancelled)
     */
    public void awaitN(Context ctx, int n) throws InterruptedException {
        awaitN(ctx, n, REAL_CLOCK);
    }

    /** A clock for {@link #awaitN(Context, int, Clock)}: the real one, or a test's fake one. */
    interface Clock {
        Instant now();

        /** Waits {@code nanos} unless {@code ctx} is done first (then throws its error). */
        void sleep(Context ctx, long nanos) throws InterruptedException;
    }

    static final Clock REAL_CLOCK = new Clock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Context ctx, long nanos) throws InterruptedException {
            Thread me = Thread.currentThread();
            Context.Stop wake = ContextOps.onDone(ctx, () -> LockSupport.unpark(me));
            try {
                long end = System.nanoTime() + nanos;
                while (true) {
                    ctx.throwIfDone();
                    long left = end - System.nanoTime();
                    if (left <= 0) return;
                    if (Thread.interrupted()) throw new InterruptedException();
                    LockSupport.parkNanos(this, left);
                }
            } finally {
                wake.stop();
            }
        }
    };

    /** Go's internal {@code wait}: the body of {@link #awaitN(Context, int)} with an explicit clock. */
    void awaitN(Context ctx, int n, Clock clock) throws InterruptedException {
        Objects.requireNonNull(ctx, "ctx");
        checkN(n);
        int b;
        Limit l;
        synchronized (this) {
            b = burst;
            l = limit;
        }
        if (n > b && !l.isInf()) {
            throw new IllegalArgumentException("rate: Wait(n=" + n + ") exceeds limiter's burst " + b);
        }
        ctx.throwIfDone();
        Instant now = clock.now();
        long t = nanos(now);
        long waitLimit = ctx.deadline().map(d -> sub(nanos(d), t)).orElse(Long.MAX_VALUE);
        LimiterReservation r = reserve(t, n, waitLimit);
        if (!r.ok()) throw new DeadlineExceededException("rate: Wait(n=" + n + ") would exceed context deadline");
        long delay = r.delayNanos(t);
        if (delay == 0) return;
        try {
            clock.sleep(ctx, delay);
        } catch (RuntimeException | InterruptedException e) {
            r.cancel(clock.now());
            throw e;
        }
    }

    /**
     * {@code setLimit(Instant.now(), l)}.
     *
     * @param l the new limit
     */
    public void setLimit(Limit l) {
        setLimit(Instant.now(), l);
    }

    /**
     * Sets a new limit from {@code now} on. Reservations made earlier and not yet acted on may violate or
     * under-use it (Go's rule).
     *
     * @param now when the new limit takes effect
     * @param l the new limit
     * @throws NullPointerException if an argument is null
     */
    public void setLimit(Instant now, Limit l) {
        Objects.requireNonNull(l, "l");
        long t = nanos(now);
        synchronized (this) {
            tokens = advance(t);
            last = t;
            limit = l;
        }
    }

    /**
     * {@code setBurst(Instant.now(), b)}.
     *
     * @param b the new burst
     */
    public void setBurst(int b) {
        setBurst(Instant.now(), b);
    }

    /**
     * Sets a new burst from {@code now} on.
     *
     * @param now when the new burst takes effect
     * @param b the new burst
     * @throws IllegalArgumentException if {@code b < 0}
     */
    public void setBurst(Instant now, int b) {
        if (b < 0) throw new IllegalArgumentException("burst must be >= 0, got " + b);
        long t = nanos(now);
        synchronized (this) {
            tokens = advance(t);
            last = t;
            burst = b;
        }
    }

    /**
     * {@code tokens(Instant.now())}.
     *
     * @return the tokens available now
     */
    public double tokens() {
        return tokens(Instant.now());
    }

    /**
     * The tokens available at {@code now} (negative while reservations are outstanding); changes nothing.
     *
     * @param now the time asked about
     * @return the tokens available at {@code now}
     */
    public double tokens(Instant now) {
        long t = nanos(now);
        synchronized (this) {
            return advance(t);
        }
    }

    /** Go's {@code reserveN}: {@code maxFutureReserve} is the longest wait accepted, in nanoseconds. */
    private synchronized LimiterReservation reserve(long t, int n, long maxFutureReserve) {
        if (limit.isInf()) return new LimiterReservation(this, true, n, t, Limit.INF);
        double tk = advance(t) - n;
        long waitDuration = tk < 0 ? limit.durationFromTokens(-tk) : 0;
        boolean ok = n <= burst && waitDuration <= maxFutureReserve;
        if (!ok) return new LimiterReservation(this, false, 0, ZERO_TIME, limit);
        long timeToAct = add(t, waitDuration);
        last = t;
        tokens = tk;
        lastEvent = timeToAct;
        return new LimiterReservation(this, true, n, timeToAct, limit);
    }

    /** Go's {@code CancelAt}, under this limiter's monitor. */
    synchronized void cancel(LimiterReservation r, long t) {
        if (limit.isInf() || r.tokens == 0 || r.timeToAct < t) return;
        // Tokens reserved after r (between r's time to act and the last event) cannot be given back.
        double restore = r.tokens - r.limit.tokensFromDuration(sub(lastEvent, r.timeToAct));
        if (restore <= 0) return;
        double tk = advance(t) + restore;
        if (tk > burst) tk = burst;
        last = t;
        tokens = tk;
        if (r.timeToAct == lastEvent) {
            long prevEvent = add(r.timeToAct, r.limit.durationFromTokens(-r.tokens));
            if (prevEvent >= t) lastEvent = prevEvent;
        }
    }

    /** The tokens at {@code t}, from the state at {@code last}; changes nothing. */
    private double advance(long t) {
        long from = last;
        if (t < from) from = t;
        double tk = tokens + limit.tokensFromDuration(sub(t, from));
        return Math.min(tk, burst);
    }

    private static int checkN(int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
        return n;
    }

    /** {@code t} as epoch nanoseconds, saturating (Go's times reach further; no test gets near the bounds). */
    static long nanos(Instant t) {
        Objects.requireNonNull(t, "now");
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException overflow) {
            return t.getEpochSecond() < 0 ? ZERO_TIME + 1 : Long.MAX_VALUE;
        }
    }

    /** {@code a - b} saturating, as Go's {@code Time.Sub}. */
    static long sub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) return a < b ? Long.MIN_VALUE : Long.MAX_VALUE;
        return r;
    }

    /** {@code t + d} saturating. */
    static long add(long t, long d) {
        long r = t + d;
        if (((t ^ r) & (d ^ r)) < 0) return d > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        return r;
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @Override
    public synchronized String toString() {
        return "Limiter[" + limit + ", burst=" + burst + "]";
    }
}
