package io.github.go4j.context.internal;

import io.github.go4j.Go;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import io.github.go4j.internal.TimerQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * A context with a deadline (Go's {@code timerCtx}): a {@link CancelNode} plus one entry in the shared
 * {@link TimerQueue}. The node itself is the timer's action, so a deadline costs the heap entry and
 * nothing else; cancelling first removes the entry from the heap at once.
 *
 * <p>The expiry runs on the timer thread, which serves every timer of the process and must therefore only
 * run go4j's own short, non-blocking code. A node with no children, a go4j parent (or none) and no event
 * listener registered is cancelled right there (a few field writes and closing its done channel). Any other
 * node is cancelled on a new goroutine, as Go's {@code time.AfterFunc} does for every deadline: a large
 * subtree, a foreign parent's stop hook or a listener then never holds up the timers behind it.
 */
public final class DeadlineNode extends CancelNode implements Runnable {
    private final Instant deadline;
    private final Throwable deadlineCause;
    private ScheduledFuture<?> timer; // guarded by this; null when none is pending

    private DeadlineNode(Context parent, Instant deadline, Throwable deadlineCause) {
        super(parent);
        this.deadline = deadline;
        this.deadlineCause = deadlineCause;
    }

    /** {@code context.WithDeadlineCause(parent, deadline, cause)}; {@code cause} may be null. */
    public static CancelContext withDeadline(Context parent, Instant deadline, Throwable cause) {
        Optional<Instant> current = parent.deadline();
        if (current.isPresent() && current.get().isBefore(deadline)) {
            return CancelNode.withCancel(parent); // the parent's earlier deadline wins
        }
        DeadlineNode c = new DeadlineNode(parent, deadline, cause);
        propagate(parent, c);
        long nanos = nanosUntil(deadline);
        if (nanos <= 0) {
            c.cancel(true, Context.DEADLINE_EXCEEDED, cause);
            return c;
        }
        synchronized (c) {
            if (!c.isCanceled()) c.timer = TimerQueue.schedule(c, nanos);
        }
        return c;
    }

    /** Now plus {@code timeout}, saturating at {@link Instant#MAX}. */
    public static Instant fromNow(Duration timeout) {
        Instant now = Instant.now();
        try {
            return now.plus(timeout);
        } catch (ArithmeticException | java.time.DateTimeException overflow) {
            return timeout.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    private static long nanosUntil(Instant t) {
        try {
            return Duration.between(Instant.now(), t).toNanos();
        } catch (ArithmeticException overflow) {
            return t.isBefore(Instant.now()) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The timer fired (on the timer thread). */
    @Override
    public void run() {
        if (hasChildren() || cancelMayCallForeignCode()) {
            Go.go(this::expire);
        } else {
            expire();
        }
    }

    private void expire() {
        cancel(true, Context.DEADLINE_EXCEEDED, deadlineCause);
    }

    @Override
    protected void canceled() {
        ScheduledFuture<?> t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) t.cancel(false);
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.of(deadline);
    }

    @Override
    public String toString() {
        Duration left = Duration.between(Instant.now(), deadline);
        return parent() + ".WithDeadline(" + deadline + " [" + left + "])";
    }
}
