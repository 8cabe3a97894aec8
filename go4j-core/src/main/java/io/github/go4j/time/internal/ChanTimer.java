package io.github.go4j.time.internal;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.internal.TimerQueue;
import io.github.go4j.time.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timer as an entry in the shared {@link TimerQueue}.
 *
 * <p>Implementation note: {@code generation} counts stops and resets; an expiry runs only if the
 * generation it was scheduled under is still current, checked under the timer's monitor together with
 * the delivery, so an expiry racing with {@code stop}/{@code reset} either delivers before they run (and
 * they then drain the value) or not at all. That is what makes Go 1.23's "no stale value" guarantee hold
 * with a buffered channel of capacity 1.
 */
public final class ChanTimer implements Timer {
    private final Chan<Instant> c;
    private final Runnable func;
    private ScheduledFuture<?> pending; // guarded by this; null when not active
    private long generation;            // guarded by this
    private Instant firedAt;            // guarded by this; the last expiry, null once stopped or reset

    private ChanTimer(Runnable func) {
        this.func = func;
        this.c = func == null ? Chan.make(1) : Chan.nil();
    }

    /** A started timer: delivers on its channel, or runs {@code func} on a goroutine if it is non-null. */
    public static ChanTimer start(Duration d, Runnable func) {
        ChanTimer t = new ChanTimer(func);
        synchronized (t) {
            t.schedule(Durations.saturatedNanos(d));
        }
        return t;
    }

    private void schedule(long nanos) {
        long gen = ++generation;
        firedAt = null;
        pending = TimerQueue.schedule(() -> expire(gen), nanos);
    }

    private void expire(long gen) {
        synchronized (this) {
            if (gen != generation) return;
            pending = null;
            firedAt = Instant.now();
            if (func == null) {
                c.trySend(firedAt);
                return;
            }
        }
        Go.go(func::run);
    }

    @Override
    public RecvChan<Instant> c() {
        return c;
    }

    @Override
    public synchronized boolean stop() {
        return deactivate();
    }

    @Override
    public synchronized boolean reset(Duration d) {
        Objects.requireNonNull(d, "d");
        boolean wasActive = deactivate();
        schedule(Durations.saturatedNanos(d));
        return wasActive;
    }

    /** Cancels a pending expiry and drains an unreceived value; true if either was there. */
    private boolean deactivate() {
        generation++;
        boolean active = pending != null;
        if (active) {
            pending.cancel(false);
            pending = null;
        }
        if (func == null && c.tryRecv() != null) active = true;
        if (active) firedAt = null; // stopped before it fired, or its value was discarded: it did not fire
        return active;
    }

    /**
     * What the timer is now: {@code Timer[fires at <instant>]}, {@code Timer[fired at <instant>]} or
     * {@code Timer[stopped]}, with {@code afterFunc, } before the state for a {@code Time.afterFunc} timer.
     */
    @Override
    public synchronized String toString() {
        String kind = func == null ? "Timer[" : "Timer[afterFunc, ";
        if (pending != null) {
            Instant at = Instant.now().plusNanos(pending.getDelay(TimeUnit.NANOSECONDS));
            return kind + "fires at " + at.truncatedTo(ChronoUnit.MILLIS) + "]";
        }
        if (firedAt != null) return kind + "fired at " + firedAt.truncatedTo(ChronoUnit.MILLIS) + "]";
        return kind + "stopped]";
    }
}
