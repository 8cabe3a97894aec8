package io.github.go4j.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import io.github.go4j.sync.GoroutinePanics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's XTestCustomContextGoroutines (context_test.go), and the sharing of one watcher per foreign parent. */
@ExtendWith(GoroutinePanics.class)
@Timeout(10)
class ForeignParentWatchTest {

    /** Go's myCtx: a wrapper that keeps the wrapped context's done channel. */
    record Wrapper(Context inner) implements Context {
        @Override public RecvChan<Void> done() { return inner.done(); }
        @Override public RuntimeException err() { return inner.err(); }
        @Override public Optional<Instant> deadline() { return inner.deadline(); }
        @Override public <T> T value(Key<T> key) { return inner.value(key); }
    }

    /** Go's myDoneCtx: a wrapper with a done channel of its own. */
    record OwnDone(Context inner, Chan<Void> doneChan) implements Context {
        OwnDone() {
            this(Context.background(), Chan.make());
        }

        @Override public RecvChan<Void> done() { return doneChan; }
        @Override public RuntimeException err() { return inner.err(); }
        @Override public Optional<Instant> deadline() { return inner.deadline(); }
        @Override public <T> T value(Key<T> key) { return inner.value(key); }
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError(what);
            Thread.sleep(1);
        }
    }

    static boolean foreign(Context c) {
        return ((CancelNode) c).watchesForeignParent();
    }

    // context_test.go XTestCustomContextGoroutines
    @Test
    void testCustomContextGoroutines() throws InterruptedException {
        eventually(() -> ForeignParentWatch.active() == 0, "watchers left by other tests");
        CancelContext c0 = Context.withCancel(new OwnDone());
        assertTrue(foreign(c0), "a parent with its own done channel is watched");
        assertEquals(1, ForeignParentWatch.active());
        c0.cancel();
        eventually(() -> ForeignParentWatch.active() == 0, "the watcher ends with its last child");

        c0 = Context.withTimeout(new OwnDone(), Duration.ofHours(1000));
        assertEquals(1, ForeignParentWatch.active());
        c0.cancel();
        eventually(() -> ForeignParentWatch.active() == 0, "the watcher ends with its last child");

        CancelContext ctx1 = Context.withCancel(Context.background());
        Context ctx2 = new Wrapper(ctx1);
        CancelContext ctx3 = Context.withCancel(ctx2);
        assertFalse(foreign(ctx3), "a wrapper that keeps done is seen through");
        assertSame(ctx1, ((CancelNode) ctx3).linkedParent());
        CancelContext ctx3b = Context.withCancel(new OwnDone(ctx2, Chan.make()));
        assertTrue(foreign(ctx3b), "ctx1 is not providing done, must not be used");
        CancelContext ctx4 = Context.withTimeout(ctx3, Duration.ofHours(1000));
        CancelContext ctx5 = Context.withCancel(ctx4);
        assertFalse(foreign(ctx4) || foreign(ctx5));
        ctx5.cancel();
        CancelContext ctx6 = Context.withTimeout(ctx5, Duration.ofHours(1000));
        assertFalse(foreign(ctx6));
        ctx6.cancel();
        ctx1.cancel();
        CancelContext ctx7 = Context.withCancel(ctx5);
        assertFalse(foreign(ctx7));
        ctx3b.cancel();
        eventually(() -> ForeignParentWatch.active() == 0, "no watcher left");
    }

    // One watcher serves all the children of one foreign parent, and cancels them all.
    @Test
    void oneWatcherPerForeignParent() throws InterruptedException {
        eventually(() -> ForeignParentWatch.active() == 0, "watchers left by other tests");
        CancelContext inner = Context.withCancelCause(Context.background());
        OwnDone parent = new OwnDone(inner, Chan.make());
        CancelContext[] children = new CancelContext[100];
        for (int i = 0; i < children.length; i++) children[i] = Context.withCancel(parent);
        assertEquals(1, ForeignParentWatch.active());
        children[0].cancel();
        assertEquals(1, ForeignParentWatch.active());
        Exception cause = new Exception("why");
        inner.cancel(cause);
        parent.doneChan().close();
        for (CancelContext c : children) {
            c.done().recv();
            assertSame(Context.CANCELED, c.err());
        }
        assertSame(cause, Context.cause(children[99]), "the cause comes through the foreign parent");
        assertSame(Context.CANCELED, Context.cause(children[0]), "the first cancellation's cause stays");
        eventually(() -> ForeignParentWatch.active() == 0, "the watcher ends when its parent is done");
        // A child of the now-closed foreign parent is born cancelled, without a watcher.
        CancelContext late = Context.withCancel(parent);
        assertSame(Context.CANCELED, late.err());
        assertEquals(0, ForeignParentWatch.active());
    }
}
