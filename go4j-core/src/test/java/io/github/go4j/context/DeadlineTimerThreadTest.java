package io.github.go4j.context;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;
import io.github.go4j.sync.GoroutinePanics;
import io.github.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * go4j's timers share one thread, so a deadline's expiry must not run code go4j does not own there: code that
 * blocks would stall every other timer. Each test blocks such code on purpose and checks that an unrelated
 * timer still fires. (The waits use {@link CountDownLatch}, which does not depend on go4j's timer thread.)
 */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class DeadlineTimerThreadTest {
    private static final Duration SOON = Duration.ofMillis(1);
    /** Far enough ahead that the deadline is certainly still in the future once the context is made. */
    private static final Duration LATER = Duration.ofMillis(50);

    /** A foreign parent context whose {@link Stop} blocks until {@code unblock} opens. */
    private static final class BlockingStopContext implements AfterFuncContext {
        final CountDownLatch stopEntered = new CountDownLatch(1);
        final CountDownLatch unblock = new CountDownLatch(1);

        @Override public RecvChan<Void> done() { return Chan.nil(); }
        @Override public RuntimeException err() { return null; }
        @Override public Optional<Instant> deadline() { return Optional.empty(); }
        @Override public <T> T value(Key<T> key) { return null; }

        @Override
        public Stop afterFunc(Runnable f) {
            return () -> {
                stopEntered.countDown();
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            };
        }
    }

    /** True if a fresh {@code Time.after(1 ms)} delivers within 5 s. */
    private static boolean anotherTimerFires() throws InterruptedException {
        RecvChan<Instant> tick = Time.after(SOON);
        CountDownLatch fired = new CountDownLatch(1);
        Thread receiver = Go.go(() -> {
            tick.recv();
            fired.countDown();
        });
        boolean ok = fired.await(5, TimeUnit.SECONDS);
        if (!ok) receiver.interrupt();
        return ok;
    }

    @Test
    void aBlockingStopHookOfAForeignParentDoesNotStallOtherTimers() throws InterruptedException {
        BlockingStopContext parent = new BlockingStopContext();
        try {
            CancelContext ctx = Context.withTimeout(parent, LATER);
            assertTrue(parent.stopEntered.await(5, TimeUnit.SECONDS), "the expiry never unregistered from the parent");
            assertTrue(anotherTimerFires(), "the parent's blocking stop hook stalled the timer thread");
            assertNotNull(ctx.err(), "the deadline context is cancelled before it unregisters from its parent");
        } finally {
            parent.unblock.countDown();
        }
    }

    @Test
    void aBlockingAfterFuncOnADeadlineContextDoesNotStallOtherTimers() throws InterruptedException {
        CancelContext ctx = Context.withTimeout(Context.background(), LATER);
        assertOtherTimersFireWhileBlocked(f -> Context.afterFunc(ctx, f), "a blocking afterFunc");
    }

    @Test
    void aBlockingTimeAfterFuncDoesNotStallOtherTimers() throws InterruptedException {
        assertOtherTimersFireWhileBlocked(f -> Time.afterFunc(SOON, f), "a blocking Time.afterFunc");
    }

    /** Hands {@code schedule} a function that blocks until the check is over; another timer must still fire. */
    private static void assertOtherTimersFireWhileBlocked(java.util.function.Consumer<Runnable> schedule, String what)
            throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        try {
            schedule.accept(() -> {
                entered.countDown();
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(entered.await(5, TimeUnit.SECONDS), what + " never ran");
            assertTrue(anotherTimerFires(), what + " stalled the timer thread");
        } finally {
            unblock.countDown();
        }
    }

    @Test
    void withAListenerRegisteredTheExpiryIsReportedOffTheTimerThread() throws Exception {
        CancelContext ctx = Context.withTimeout(Context.background(), LATER);
        AtomicReference<Thread> reporter = new AtomicReference<>();
        CountDownLatch reported = new CountDownLatch(1);
        try (AutoCloseable registration = Events.register(new EventListener() {
            @Override
            public void release(Object sync, long slot) {
                if (sync == ctx && slot == CLOSE_SLOT && reporter.compareAndSet(null, Thread.currentThread())) {
                    reported.countDown();
                }
            }
        })) {
            assertTrue(reported.await(5, TimeUnit.SECONDS), "the expiry was never reported");
        }
        assertFalse(reporter.get().getName().startsWith("go4j-timers"),
                "a listener ran on the timer thread: " + reporter.get());
    }
}
