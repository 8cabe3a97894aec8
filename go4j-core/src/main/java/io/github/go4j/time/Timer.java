package io.github.go4j.time;

import io.github.go4j.chan.RecvChan;
import java.time.Duration;

/**
 * Go's {@code time.Timer}: a single event. When it expires the current time is delivered on {@link #c()}
 * (or, for {@link Time#afterFunc}, the function runs on its own goroutine).
 *
 * <p>Semantics are those of Go 1.23 and later: after {@link #stop()} or {@link #reset} returns, no value from
 * an earlier expiry can be received from {@link #c()}. All methods may be called from any goroutine.
 * The expiry happens-before the receive that gets its value.
 */
public interface Timer {
    /**
     * The channel the expiry time is delivered on (capacity 1); Go's nil channel for {@link Time#afterFunc} timers.
     *
     * @return the channel, or the nil channel for an {@code afterFunc} timer
     */
    RecvChan<java.time.Instant> c();

    /**
     * Prevents the timer from firing. Returns true if this call stopped it (it had not expired, or its value had
     * not been received yet, which is then discarded); false if it had already expired and been received (or its
     * function started) or been stopped.
     *
     * @return true if this call stopped the timer
     */
    boolean stop();

    /**
     * Makes the timer expire {@code d} from now (at once if {@code d} ≤ 0), discarding any unreceived earlier value.
     * Returns true if the timer had been active, as {@link #stop()} would have.
     *
     * @param d how long from now the timer expires
     * @return true if the timer had been active
     * @throws NullPointerException if {@code d} is null
     */
    boolean reset(Duration d);
}
