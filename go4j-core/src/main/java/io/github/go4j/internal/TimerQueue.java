package io.github.go4j.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer facility of go4j: every timer, ticker, {@code Case.after}, context deadline and
 * {@code afterFunc} is an entry in one heap served by a single daemon platform thread, so timers cost
 * memory, not threads. Callbacks run on that thread and must be short and never block: they close a
 * channel, offer a value or start a goroutine.
 *
 * <p>Cancelled entries are removed from the heap at once, so a million contexts whose deadlines are
 * cancelled early leave nothing behind.
 */
public final class TimerQueue {

    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private TimerQueue() {}

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "go4j-timers");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return e;
    }

    /** Runs {@code action} on the timer thread after {@code delayNanos} (at once if ≤ 0). */
    public static ScheduledFuture<?> schedule(Runnable action, long delayNanos) {
        return EXECUTOR.schedule(guard(action), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} every {@code periodNanos}, the first time after {@code periodNanos}. */
    public static ScheduledFuture<?> scheduleAtFixedRate(Runnable action, long periodNanos) {
        return EXECUTOR.scheduleAtFixedRate(guard(action), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Keeps the timer thread alive whatever a callback throws: the failure is a panic of that callback. */
    private static Runnable guard(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (Throwable t) {
                Panics.report(Thread.currentThread(), t);
            }
        };
    }
}
