package io.github.go4j.time.internal;

import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.internal.TimerQueue;
import io.github.go4j.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A ticker as a fixed-rate entry in the shared {@link TimerQueue}; ticks are offered with
 * {@code trySend} to a channel of capacity 1, so a slow receiver sees dropped ticks, never a backlog.
 * As in {@link ChanTimer}, a generation checked under the monitor keeps stale ticks out after
 * {@code stop}/{@code reset}.
 */
public final class ChanTicker implements Ticker {
    private final Chan<Instant> c = Chan.make(1);
    private ScheduledFuture<?> pending; // guarded by this
    private long generation;            // guarded by this
    private long periodNanos;           // guarded by this

    public ChanTicker(Duration d) {
        long nanos = positive(d, "non-positive interval for NewTicker");
        synchronized (this) {
            schedule(nanos);
        }
    }

    private static long positive(Duration d, String message) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(message + ": " + d);
        return Durations.saturatedNanos(d);
    }

    private void schedule(long nanos) {
        long gen = ++generation;
        periodNanos = nanos;
        pending = TimerQueue.scheduleAtFixedRate(() -> tick(gen), nanos);
    }

    private synchronized void tick(long gen) {
        if (gen == generation) c.trySend(Instant.now());
    }

    @Override
    public RecvChan<Instant> c() {
        return c;
    }

    @Override
    public synchronized void reset(Duration d) {
        long nanos = positive(d, "non-positive interval for Ticker.Reset");
        cancel();
        schedule(nanos);
    }

    @Override
    public synchronized void stop() {
        cancel();
    }

    private void cancel() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        c.tryRecv();
    }

    /** What the ticker is now: {@code Ticker[every <period>, next tick at <instant>]} or {@code Ticker[every <period>, stopped]}. */
    @Override
    public synchronized String toString() {
        String every = "Ticker[every " + Duration.ofNanos(periodNanos) + ", ";
        if (pending == null) return every + "stopped]";
        Instant next = Instant.now().plusNanos(pending.getDelay(TimeUnit.NANOSECONDS));
        return every + "next tick at " + next.truncatedTo(ChronoUnit.MILLIS) + "]";
    }
}
