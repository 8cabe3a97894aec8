package io.github.go4j.time;

import io.github.go4j.chan.RecvChan;
import java.time.Duration;

/**
 * Go's {@code time.Ticker}: delivers the time on {@link #c()} every period. The channel holds one tick;
 * ticks a slow receiver cannot take are dropped, so the ticker never falls behind by more than one.
 * Semantics are Go 1.23's: after {@link #stop()} or {@link #reset} returns, no stale tick can be received.
 * A tick happens-before the receive that gets it.
 */
public interface Ticker {
    /**
     * The channel ticks are delivered on (capacity 1).
     *
     * @return the ticker's channel
     */
    RecvChan<java.time.Instant> c();

    /**
     * Changes the period to {@code d}; the next tick comes {@code d} from now.
     *
     * @param d the new period
     * @throws IllegalArgumentException "non-positive interval for Ticker.Reset" if {@code d} ≤ 0
     */
    void reset(Duration d);

    /** Stops the ticks; the channel is not closed (as in Go). Idempotent. */
    void stop();
}
