package io.github.go4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The virtual threads of one batch: started here, joined by {@link #joinAll()}, which rethrows the first
 * failure of any of them and gives up (throwing) rather than hang a benchmark fork when a peer lost a
 * message and left a thread blocked for good.
 */
final class VirtualThreads {

    /** A thread's body; it may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private static final Duration STUCK = Duration.ofSeconds(60);
    private static final Thread.Builder.OfVirtual BUILDER = Thread.ofVirtual();

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Starts {@code body} on a new virtual thread. */
    Thread start(Body body) {
        Thread t = BUILDER.start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        threads.add(t);
        return t;
    }

    /** Remembers a thread started elsewhere (by {@code Go.go}) so that {@link #joinAll()} waits for it too. */
    void adopt(Thread t) {
        threads.add(t);
    }

    /** Records a failure seen by a thread that was not started here. */
    void fail(Throwable e) {
        failure.compareAndSet(null, e);
    }

    /** Waits for every thread; rethrows the first failure. */
    void joinAll() throws InterruptedException {
        for (Thread t : threads) {
            if (!t.join(STUCK)) {
                throw new IllegalStateException("a benchmark thread is stuck (" + t + "): messages were lost");
            }
        }
        Throwable e = failure.get();
        if (e != null) throw new IllegalStateException("a benchmark thread failed", e);
    }

    /** Runs {@code body} on one virtual thread and waits for it: for drivers that must be goroutines themselves. */
    static void runOnVirtualThread(Body body) throws InterruptedException {
        VirtualThreads one = new VirtualThreads();
        one.start(body);
        one.joinAll();
    }
}
