package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.context.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** golang.org/x/sync errgroup/errgroup_test.go, ported (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class ErrGroupTest {
    static final Exception ERR1 = new Exception("errgroup_test: 1");
    static final Exception ERR2 = new Exception("errgroup_test: 2");
    static final Exception DOOM = new Exception("group_test: doomed");

    static Go.Task returning(Exception err) {
        return () -> {
            if (err != null) throw err;
        };
    }

    // errgroup_test.go TestZeroGroup
    @Test
    void testZeroGroup() throws InterruptedException {
        List<List<Exception>> cases = List.of(List.of(), Arrays.asList((Exception) null), List.of(ERR1),
                Arrays.asList(ERR1, null), Arrays.asList(ERR1, null, ERR2));
        for (List<Exception> errs : cases) {
            ErrGroup g = new ErrGroup();
            Exception firstErr = null;
            for (int i = 0; i < errs.size(); i++) {
                Exception err = errs.get(i);
                g.go(returning(err));
                if (firstErr == null && err != null) firstErr = err;
                assertSame(firstErr, g.await(), "after go for errs " + errs.subList(0, i + 1));
            }
        }
    }

    /** The table shared by Go's TestWithContext and TestCancelCause. */
    record Case(List<Exception> errs, Exception want) {}

    static final List<Case> DOOM_CASES = List.of(new Case(List.of(), null), new Case(Arrays.asList((Exception) null), null),
            new Case(List.of(DOOM), DOOM), new Case(Arrays.asList(DOOM, null), DOOM));

    // errgroup_test.go TestWithContext
    @Test
    void testWithContext() throws InterruptedException {
        for (Case tc : DOOM_CASES) {
            ErrGroup g = ErrGroup.withContext(Context.background());
            for (Exception err : tc.errs()) g.go(returning(err));
            assertSame(tc.want(), g.await());
            assertTrue(g.context().done().tryRecv() != null, "ctx.done() was not closed after await");
        }
    }

    // errgroup_test.go TestTryGo
    @Test
    void testTryGo() throws InterruptedException {
        ErrGroup g = new ErrGroup();
        int n = 42;
        g.setLimit(42);
        Chan<Boolean> ch = Chan.make();
        Go.Task fn = () -> ch.send(true);
        for (int i = 0; i < n; i++) assertTrue(g.tryGo(fn), "TryGo should succeed but got fail at " + i);
        assertFalse(g.tryGo(fn), "TryGo is expected to fail but succeeded.");
        Go.go(() -> {
            for (int i = 0; i < n; i++) ch.recv();
        });
        g.await();
        assertTrue(g.tryGo(fn), "TryGo should succeed after all goroutines.");
        Go.go(ch::recv);
        g.await();

        g.setLimit(1); // switch limit
        assertTrue(g.tryGo(fn));
        assertFalse(g.tryGo(fn));
        Go.go(ch::recv);
        g.await();

        g.setLimit(0); // block all calls
        for (int i = 0; i < 1 << 10; i++) assertFalse(g.tryGo(fn), "TryGo should fail but succeeded.");
        g.await();
    }

    // errgroup_test.go TestGoLimit
    @Test
    void testGoLimit() throws InterruptedException {
        int limit = 10;
        ErrGroup g = new ErrGroup();
        g.setLimit(limit);
        AtomicInteger active = new AtomicInteger();
        for (int i = 0; i <= 1 << 10; i++) {
            g.go(() -> {
                int n = active.incrementAndGet();
                if (n > limit) throw new Exception("saw " + n + " active goroutines; want <= " + limit);
                Thread.yield(); // give other goroutines a chance to increment active
                active.decrementAndGet();
            });
        }
        assertNull(g.await());
    }

    // errgroup_test.go TestCancelCause
    @Test
    void testCancelCause() throws InterruptedException {
        for (Case tc : DOOM_CASES) {
            ErrGroup g = ErrGroup.withContext(Context.background());
            for (Exception err : tc.errs()) g.tryGo(returning(err));
            assertSame(tc.want(), g.await());
            Throwable want = tc.want() == null ? Context.CANCELED : tc.want();
            assertSame(want, Context.cause(g.context()));
        }
    }

    // The first error cancels the context at once, so the others can stop.
    @Test
    void firstErrorCancelsTheRest() throws InterruptedException {
        ErrGroup g = ErrGroup.withContext(Context.background());
        Context ctx = g.context();
        List<Throwable> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            g.go(() -> {
                try {
                    ctx.recv(Chan.<Integer>make()); // blocks until cancelled
                } catch (RuntimeException e) {
                    synchronized (seen) {
                        seen.add(e);
                    }
                    throw e;
                }
            });
        }
        g.go(() -> { throw DOOM; });
        assertSame(DOOM, g.await());
        assertEquals(5, seen.size());
        for (Throwable t : seen) assertSame(Context.CANCELED, t.getCause());
        assertSame(DOOM, Context.cause(ctx));
    }

    // go() interrupted while waiting for a slot throws and starts nothing.
    @Test
    void interruptedGoStartsNothing() throws InterruptedException {
        ErrGroup g = new ErrGroup();
        g.setLimit(0);
        AtomicInteger ran = new AtomicInteger();
        boolean[] interrupted = {false};
        Thread t = Go.go(() -> {
            try {
                g.go(ran::incrementAndGet);
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
        });
        Thread.sleep(10);
        t.interrupt();
        t.join();
        assertTrue(interrupted[0]);
        assertNull(g.await());
        assertEquals(0, ran.get());
    }

    // go blocks at the limit; setLimit while goroutines are active is rejected with Go's message.
    @Test
    void goBlocksAtTheLimitAndSetLimitWhileActive() throws InterruptedException {
        ErrGroup g = new ErrGroup();
        g.setLimit(1);
        Chan<Boolean> release = Chan.make();
        g.go(release::recv);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.setLimit(2));
        assertEquals("errgroup: modify limit while 1 goroutines in the group are still active", e.getMessage());
        Chan<Boolean> started = Chan.make(1);
        Thread blocked = Go.go(() -> g.go(() -> started.send(true)));
        Thread.sleep(20);
        assertTrue(blocked.isAlive(), "go should block at the limit");
        assertNull(started.tryRecv());
        release.send(true);
        assertTrue(started.recv());
        blocked.join();
        assertNull(g.await());
        g.setLimit(-5); // a negative limit removes it, at any time
        for (int i = 0; i < 100; i++) assertTrue(g.tryGo(() -> {}));
        assertNull(g.await());
        assertSame(Context.background(), g.context());
        assertThrows(NullPointerException.class, () -> ErrGroup.withContext(null));
        assertThrows(NullPointerException.class, () -> g.go(null));
    }
}
