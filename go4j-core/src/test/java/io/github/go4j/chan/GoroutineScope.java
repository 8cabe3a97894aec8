package io.github.go4j.chan;

import io.github.go4j.Go;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The goroutines of one test: starts them with {@link Go#go}, collects whatever escapes them (an assertion
 * failing on a goroutine fails the test), and on {@link #close()} interrupts those still blocked (Go tests
 * often leave a goroutine blocked forever; here it is ended) and fails if one does not end.
 *
 * <p>Also {@link #awaitParked}: waits until a thread is really parked, which lets a test check "this operation
 * blocks" or "A queued before B" without sleeping and hoping.
 */
public final class GoroutineScope implements AutoCloseable {

    private static final Duration END_TIMEOUT = Duration.ofSeconds(10);

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    /** Starts {@code task} on a goroutine; what it throws fails the test (unless it is the interrupt of {@link #close}). */
    public Thread go(Go.Task task) {
        Thread t = Go.go(() -> {
            try {
                task.run();
            } catch (InterruptedException | CancellationException e) {
                if (!closing) failures.add(e);
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        threads.add(t);
        // A goroutine started while close() runs may be missing from the list close() interrupts:
        // closing is set before close() reads the list, so then this sees it and interrupts it itself.
        if (closing) t.interrupt();
        return t;
    }

    /** Waits until every goroutine started so far ended by itself (no interrupt), then rethrows any failure. */
    public void join() throws InterruptedException {
        long deadline = System.nanoTime() + END_TIMEOUT.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                throw new AssertionError("goroutine did not end: " + describe(t));
            }
        }
        rethrow();
    }

    /** Throws the first failure of a goroutine so far (the others suppressed), if any. */
    public void rethrow() {
        AssertionError error = null;
        for (Throwable f : failures) {
            if (error == null) error = new AssertionError("a goroutine failed: " + f, f);
            else error.addSuppressed(f);
        }
        if (error != null) throw error;
    }

    /** Interrupts the goroutines still running, waits for them to end, and rethrows their failures. */
    @Override
    public void close() {
        closing = true;
        for (Thread t : threads) if (t.isAlive()) t.interrupt();
        long deadline = System.nanoTime() + END_TIMEOUT.toNanos();
        List<Thread> stuck = new ArrayList<>();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !t.join(Duration.ofNanos(Math.max(1, left)))) stuck.add(t);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stuck.add(t);
            }
        }
        if (!stuck.isEmpty()) {
            StringBuilder sb = new StringBuilder(stuck.size() + " goroutine(s) did not end after interrupt:");
            for (Thread t : stuck) sb.append("\n").append(describe(t));
            AssertionError e = new AssertionError(sb.toString());
            failures.forEach(e::addSuppressed);
            throw e;
        }
        rethrow();
    }

    private static String describe(Thread t) {
        StringBuilder sb = new StringBuilder(t.toString()).append(" ").append(t.getState());
        for (StackTraceElement e : t.getStackTrace()) sb.append("\n\tat ").append(e);
        return sb.toString();
    }

    /**
     * Waits (spinning, never sleeping) until {@code t} is parked (WAITING or TIMED_WAITING) or has ended.
     *
     * @throws AssertionError if that does not happen within 10 seconds
     */
    public static void awaitParked(Thread t) {
        long deadline = System.nanoTime() + END_TIMEOUT.toNanos();
        while (true) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) return;
            if (System.nanoTime() - deadline > 0) throw new AssertionError("thread never parked: " + describe(t));
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /**
     * Runs {@code op} on a goroutine, waits until it is parked, runs {@code wake} (say, an interrupt or a
     * close), and returns what {@code op} threw, or null if it returned. If {@code op} ended before
     * {@code wake}, it did not block: that is returned as an AssertionError (or as what it threw).
     */
    public static Throwable thrownWhenParked(Go.Task op, Consumer<Thread> wake) throws InterruptedException {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread t = Go.go(() -> {
            try {
                op.run();
                thrown.complete(null);
            } catch (Throwable e) {
                thrown.complete(e);
            }
        });
        awaitParked(t);
        if (thrown.isDone()) {
            Throwable early = thrown.getNow(null);
            return early != null ? early : new AssertionError("returned without blocking");
        }
        wake.accept(t);
        if (!t.join(END_TIMEOUT)) throw new AssertionError("did not end after being woken: " + describe(t));
        return thrown.getNow(null);
    }

    /** {@link #thrownWhenParked} with an interrupt as the wake-up. */
    public static Throwable interruptWhenParked(Go.Task op) throws InterruptedException {
        return thrownWhenParked(op, Thread::interrupt);
    }

    /** Waits until every thread in {@code ts} is parked or has ended. */
    public static void awaitParked(Thread... ts) {
        for (Thread t : ts) awaitParked(t);
    }
}
