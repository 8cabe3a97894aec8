package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's src/sync/once_test.go and oncefunc_test.go, ported (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class OnceTest {

    // once_test.go TestOnce
    @Test
    void testOnce() throws InterruptedException {
        int[] o = {0};
        Once once = new Once();
        Chan<Boolean> c = Chan.make();
        for (int i = 0; i < 10; i++) {
            Go.go(() -> {
                once.run(() -> o[0]++);
                assertEquals(1, o[0], "once failed inside run");
                c.send(true);
            });
        }
        for (int i = 0; i < 10; i++) c.recv();
        assertEquals(1, o[0], "once failed outside run");
    }

    // once_test.go TestOncePanic
    @Test
    void testOncePanic() throws InterruptedException {
        Once once = new Once();
        assertThrows(IllegalStateException.class, () -> once.run(() -> { throw new IllegalStateException("failed"); }),
                "Once.run did not propagate the exception");
        once.run(() -> { throw new AssertionError("Once.run called twice"); });
        assertTrue(once.isDone());
    }

    /** Starts a run of {@code once} that blocks until the returned channel gets a value, then does {@code atEnd}. */
    static Chan<Boolean> startBlockedRun(Once once, Runnable atEnd) throws InterruptedException {
        Chan<Boolean> started = Chan.make();
        Chan<Boolean> finish = Chan.make();
        Go.go(() -> once.run(() -> {
            try {
                started.send(true);
                finish.recv();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            atEnd.run();
        }));
        started.recv();
        return finish;
    }

    // Later callers wait for the run in progress.
    @Test
    void latecomersWaitForTheRun() throws InterruptedException {
        Once once = new Once();
        int[] value = {0};
        Chan<Boolean> finish = startBlockedRun(once, () -> value[0] = 42);
        Chan<Integer> seen = Chan.make(1);
        Go.go(() -> {
            once.run(() -> { throw new AssertionError("second run"); });
            seen.send(value[0]);
        });
        Thread.sleep(10);
        assertNull(seen.tryRecv(), "a latecomer returned before the run finished");
        finish.send(true);
        assertEquals(42, seen.recv());
    }

    // A latecomer interrupted while the run is in progress throws; the Once is unaffected.
    @Test
    void interruptedLatecomer() throws InterruptedException {
        Once once = new Once();
        Chan<Boolean> finish = startBlockedRun(once, () -> {});
        boolean[] interrupted = {false};
        Thread late = Go.go(() -> {
            try {
                once.run(() -> { throw new AssertionError("second run"); });
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
        });
        Thread.sleep(10);
        late.interrupt();
        late.join();
        assertTrue(interrupted[0]);
        finish.send(true);
        once.run(() -> { throw new AssertionError("second run"); });
        assertTrue(once.isDone());
    }

    // Go deadlocks when f calls Do on its own Once; go4j says so.
    @Test
    void recursiveRunIsRejected() {
        Once once = new Once();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> once.run(() -> {
                    try {
                        once.run(() -> {});
                    } catch (InterruptedException ex) {
                        throw new AssertionError(ex);
                    }
                }));
        assertTrue(e.getMessage().startsWith("sync: Once.run"), e.getMessage());
    }

    // oncefunc_test.go TestOnceFunc
    @Test
    void testOnceFunc() {
        AtomicInteger calls = new AtomicInteger();
        Runnable f = Once.func(calls::incrementAndGet);
        for (int i = 0; i < 3; i++) f.run();
        assertEquals(1, calls.get());
    }

    // oncefunc_test.go TestOnceValue
    @Test
    void testOnceValue() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> f = Once.value(calls::incrementAndGet);
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 10; i++) wg.go(() -> assertEquals(1, f.get()));
        wg.await();
        assertEquals(1, f.get());
        assertEquals(1, calls.get());
    }

    // oncefunc_test.go TestOnceFuncPanic / TestOnceValuePanic: the same exception every time.
    @Test
    void testOnceValuePanic() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> f = Once.value(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("x");
        });
        IllegalStateException first = assertThrows(IllegalStateException.class, f::get);
        IllegalStateException second = assertThrows(IllegalStateException.class, f::get);
        assertSame(first, second, "the same exception every time");
        assertEquals(1, calls.get());

        Runnable g = Once.func(() -> { throw new ArithmeticException("y"); });
        assertSame(assertThrows(ArithmeticException.class, g::run), assertThrows(ArithmeticException.class, g::run));
    }

    // oncefunc_test.go TestOnceXGC: the function is released once it has run.
    @Test
    void testOnceXGC() throws InterruptedException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        WeakReference<Object>[] ref = new WeakReference[1];
        Supplier<Integer> f = onceOverFreshObject(ref);
        f.get();
        for (int i = 0; i < 50 && ref[0].get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref[0].get(), "the function is still reachable after it ran");
        f.get();
    }

    private static Supplier<Integer> onceOverFreshObject(WeakReference<Object>[] ref) {
        Object captured = new Object();
        ref[0] = new WeakReference<>(captured);
        return Once.value(captured::hashCode);
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> new Once().run(null));
        assertThrows(NullPointerException.class, () -> Once.value(null));
        assertThrows(NullPointerException.class, () -> Once.func(null));
    }
}
