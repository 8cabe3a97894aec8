package io.github.go4j.rate;

import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code rate.Reservation}: events permitted by a {@link Limiter} to happen after a delay. Cancelling it
 * gives back what can be given back, so that the limiter may permit other events sooner.
 */
public interface Reservation {
    /** The delay {@link #delay(Instant)} reports for a reservation that is not {@link #ok()} (Go's {@code InfDuration}). */
    Duration INF_DURATION = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * Whether the limiter can provide the tokens within the maximum wait; if not, nothing was reserved.
     *
     * @return whether the tokens were reserved
     */
    boolean ok();

    /**
     * {@code delay(Instant.now())}.
     *
     * @return how long from now to wait before acting
     */
    Duration delay();

    /**
     * How long, from {@code now}, the holder must wait before acting: zero means at once; {@link #INF_DURATION}
     * if not {@link #ok()}.
     *
     * @param now the time the wait is measured from
     * @return how long to wait from {@code now}
     */
    Duration delay(Instant now);

    /** {@code cancel(Instant.now())}. */
    void cancel();

    /**
     * The holder will not act: reverses the effect on the limiter as far as later reservations allow (Go's
     * {@code CancelAt}). Does nothing if not {@link #ok()}, or once the time to act has passed.
     *
     * @param now the time of the cancellation
     */
    void cancel(Instant now);
}
