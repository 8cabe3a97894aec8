package io.github.go4j;

import io.github.go4j.internal.Panics;
import io.github.go4j.spi.internal.Events;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Goroutines: {@code go f()} as {@code Go.go(() -> f())}.
 *
 * <p>A goroutine is a virtual thread. Everything the caller did before {@link #go} happens-before
 * the first action of the goroutine (the JLS rule for {@link Thread#start}, reported to the event
 * SPI as well). An exception that escapes a goroutine is a <em>panic</em>: it is handed to the
 * {@link PanicHandler} installed with {@link #setPanicHandler}; the default one prints
 * {@code panic: <exception>} with the goroutine id and stack to standard error and lets the process go
 * on, or, when the system property {@code go4j.panic} is {@code exit}, exits the process with status 2
 * as Go does.
 */
public final class Go {

    /** A goroutine's body: like {@link Runnable}, but it may throw any exception (which is then a panic). */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs the body.
         *
         * @throws Exception whatever the body throws, which is then a panic
         */
        void run() throws Exception;
    }

    /** Thread-safe, unlike a {@code Thread.Builder}: goroutines start goroutines concurrently. */
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().factory();

    private Go() {}

    /**
     * Starts {@code task} on a new goroutine (a virtual thread) and returns that thread at once.
     *
     * @param task the goroutine's body
     * @return the goroutine's thread, already started
     * @throws NullPointerException if {@code task} is null
     */
    public static Thread go(Task task) {
        Objects.requireNonNull(task, "task");
        Thread t = VIRTUAL.newThread(() -> runGoroutine(task));
        Events.goroutineCreated(t);
        t.start();
        return t;
    }

    private static void runGoroutine(Task task) {
        Events.goroutineStarted();
        Throwable panic = null;
        try {
            task.run();
        } catch (Throwable e) {
            panic = e;
            Panics.report(Thread.currentThread(), e);
        } finally {
            Events.goroutineEnded(panic);
        }
    }

    /**
     * This goroutine's id: the current thread's {@link Thread#threadId()}, which is stable, unique in the
     * process and small (allocated in sequence). Works on any thread, not only goroutines.
     *
     * @return the current thread's id
     */
    public static long goid() {
        return Thread.currentThread().threadId();
    }

    /**
     * Installs the handler that every panic (an exception escaping a goroutine started by {@link #go})
     * goes to, replacing the previous one; {@code null} restores the default.
     *
     * @param handler the new handler, or null for the default
     * @return the previous handler
     */
    public static PanicHandler setPanicHandler(PanicHandler handler) {
        return Panics.setHandler(handler);
    }

    /**
     * The default panic handler: prints like Go, then exits with status 2 if {@code go4j.panic=exit}.
     *
     * @return the default handler
     */
    public static PanicHandler defaultPanicHandler() {
        return Panics.DEFAULT;
    }
}
