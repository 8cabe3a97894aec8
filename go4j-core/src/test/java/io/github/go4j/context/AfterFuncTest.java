package io.github.go4j.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import io.github.go4j.sync.GoroutinePanics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's AfterFunc tests: src/context/x_test.go (TestAfterFunc*) and src/context/afterfunc_test.go. */
@ExtendWith(GoroutinePanics.class)
@Timeout(10)
class AfterFuncTest {
    static final Duration SHORT = Duration.ofMillis(1);

    static boolean closedWithin(RecvChan<?> c, Duration d) throws InterruptedException {
        return Select.select(Case.recv(c, v -> true), Case.after(d, () -> false));
    }

    // x_test.go TestAfterFuncCalledAfterCancel
    @Test
    void testAfterFuncCalledAfterCancel() throws InterruptedException {
        CancelContext ctx = Context.withCancel(Context.background());
        Chan<Void> donec = Chan.make();
        Context.Stop stop = Context.afterFunc(ctx, donec::close);
        assertFalse(closedWithin(donec, SHORT), "AfterFunc called before context is done");
        ctx.cancel();
        assertTrue(closedWithin(donec, Duration.ofSeconds(5)), "AfterFunc not called after context is canceled");
        assertFalse(stop.stop(), "stop() = true, want false");
    }

    // x_test.go TestAfterFuncCalledAfterTimeout
    @Test
    void testAfterFuncCalledAfterTimeout() throws InterruptedException {
        CancelContext ctx = Context.withTimeout(Context.background(), SHORT);
        Chan<Void> donec = Chan.make();
        Context.afterFunc(ctx, donec::close);
        assertTrue(closedWithin(donec, Duration.ofSeconds(5)), "AfterFunc not called after timeout");
        ctx.cancel();
    }

    // x_test.go TestAfterFuncCalledImmediately
    @Test
    void testAfterFuncCalledImmediately() throws InterruptedException {
        CancelContext ctx = Context.withCancel(Context.background());
        ctx.cancel();
        Chan<Void> donec = Chan.make();
        Context.afterFunc(ctx, donec::close);
        assertTrue(closedWithin(donec, Duration.ofSeconds(5)), "AfterFunc not called for already-canceled context");
    }

    // x_test.go TestAfterFuncNotCalledAfterStop
    @Test
    void testAfterFuncNotCalledAfterStop() throws InterruptedException {
        CancelContext ctx = Context.withCancel(Context.background());
        Chan<Void> donec = Chan.make();
        Context.Stop stop = Context.afterFunc(ctx, donec::close);
        assertTrue(stop.stop(), "stop() = false, want true");
        ctx.cancel();
        assertFalse(closedWithin(donec, Duration.ofMillis(20)), "AfterFunc called after stop");
        assertFalse(stop.stop(), "stop() = true, want false");
        assertEquals(0, ((io.github.go4j.context.internal.CancelNode) ctx).childCount());
    }

    // x_test.go TestAfterFuncCalledAsynchronously: cancel does not wait for f.
    @Test
    void testAfterFuncCalledAsynchronously() throws InterruptedException {
        CancelContext ctx = Context.withCancel(Context.background());
        Chan<Boolean> donec = Chan.make();
        Context.Stop stop = Context.afterFunc(ctx, () -> {
            try {
                donec.send(true); // blocks until read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ctx.cancel();
        assertTrue(closedWithin(donec, Duration.ofSeconds(5)));
        stop.stop();
    }

    // afterFunc on a context that can never be cancelled: f never runs, stop() reports it stopped it.
    @Test
    void afterFuncOnBackgroundNeverRuns() {
        Context.Stop stop = Context.afterFunc(Context.background(), () -> { throw new AssertionError("ran"); });
        assertTrue(stop.stop());
        assertFalse(stop.stop());
    }

    /** Go's afterFuncContext (afterfunc_test.go): a foreign context that supports registering functions. */
    static final class AfterFuncCtx implements AfterFuncContext {
        final Map<Object, Runnable> afterFuncs = new IdentityHashMap<>();
        final Chan<Void> done = Chan.make();
        RuntimeException err;

        @Override public synchronized RecvChan<Void> done() { return done; }
        @Override public synchronized RuntimeException err() { return err; }
        @Override public Optional<Instant> deadline() { return Optional.empty(); }
        @Override public <T> T value(Key<T> key) { return null; }

        @Override
        public synchronized Stop afterFunc(Runnable f) {
            Object k = new Object();
            afterFuncs.put(k, f);
            return () -> {
                synchronized (AfterFuncCtx.this) {
                    return afterFuncs.remove(k) != null;
                }
            };
        }

        synchronized int registered() {
            return afterFuncs.size();
        }

        void cancel(RuntimeException e) {
            List<Runnable> fs;
            synchronized (this) {
                if (err != null) return;
                err = e;
                fs = new ArrayList<>(afterFuncs.values());
                afterFuncs.clear();
            }
            for (Runnable f : fs) io.github.go4j.Go.go(f::run);
        }
    }

    // afterfunc_test.go TestCustomContextAfterFuncCancel
    @Test
    void testCustomContextAfterFuncCancel() throws InterruptedException {
        AfterFuncCtx ctx0 = new AfterFuncCtx();
        CancelContext ctx1 = Context.withCancel(ctx0);
        ctx0.cancel(Context.CANCELED);
        ctx1.done().recv();
        ctx1.cancel();
    }

    // afterfunc_test.go TestCustomContextAfterFuncTimeout
    @Test
    void testCustomContextAfterFuncTimeout() throws InterruptedException {
        AfterFuncCtx ctx0 = new AfterFuncCtx();
        CancelContext ctx1 = Context.withTimeout(ctx0, Duration.ofHours(1000));
        ctx0.cancel(Context.CANCELED);
        ctx1.done().recv();
        ctx1.cancel();
    }

    // afterfunc_test.go TestCustomContextAfterFuncAfterFunc
    @Test
    void testCustomContextAfterFuncAfterFunc() throws InterruptedException {
        AfterFuncCtx ctx0 = new AfterFuncCtx();
        Chan<Void> donec = Chan.make();
        Context.Stop stop = Context.afterFunc(ctx0, donec::close);
        ctx0.cancel(Context.CANCELED);
        assertNull(donec.recv());
        stop.stop();
    }

    // afterfunc_test.go TestCustomContextAfterFuncUnregisterCancel
    @Test
    void testCustomContextAfterFuncUnregisterCancel() {
        AfterFuncCtx ctx0 = new AfterFuncCtx();
        CancelContext c1 = Context.withCancel(ctx0);
        CancelContext c2 = Context.withCancel(ctx0);
        assertEquals(2, ctx0.registered(), "after WithCancel(ctx0)");
        c1.cancel();
        c2.cancel();
        assertEquals(0, ctx0.registered(), "after canceling WithCancel(ctx0)");
    }

    // afterfunc_test.go TestCustomContextAfterFuncUnregisterTimeout
    @Test
    void testCustomContextAfterFuncUnregisterTimeout() {
        AfterFuncCtx ctx0 = new AfterFuncCtx();
        CancelContext c = Context.withTimeout(ctx0, Duration.ofHours(1000));
        assertEquals(1, ctx0.registered(), "after WithTimeout(ctx0, d)");
        c.cancel();
        assertEquals(0, ctx0.registered(), "after canceling WithTimeout(ctx0, d)");
    }

    // afterfunc_test.go TestCustomContextAfterFuncUnregisterAfterFunc
    @Test
    void testCustomContextAfterFuncUnregisterAfterFunc() {
        AfterFuncCtx ctx0 = new AfterFuncCtx();
        Context.Stop stop = Context.afterFunc(ctx0, () -> {});
        assertEquals(1, ctx0.registered(), "after AfterFunc(ctx0, f)");
        stop.stop();
        assertEquals(0, ctx0.registered(), "after stopping AfterFunc(ctx0, f)");
    }
}
