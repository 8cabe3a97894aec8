package io.github.go4j.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import io.github.go4j.context.internal.CancelNode;
import io.github.go4j.sync.GoroutinePanics;
import io.github.go4j.sync.WaitGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's src/context/x_test.go and context_test.go, ported test by test (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(10)
class ContextTest {
    static final Duration SHORT = Duration.ofMillis(1);
    static final Duration VERY_LONG = Duration.ofHours(1000);

    /** {@code select { case <-d: return true; default: return false }}. */
    static boolean isClosed(RecvChan<Void> d) {
        return d != null && d.tryRecv() != null;
    }

    /** Blocks until {@code c} is done, at most 5 s (Go's {@code quiescent}). */
    static void awaitDone(Context c) throws InterruptedException {
        boolean done = Select.select(Case.recv(c.done(), v -> true), Case.after(Duration.ofSeconds(5), () -> false));
        assertTrue(done, c + " not done after 5s");
    }

    // x_test.go TestBackground
    @Test
    void testBackground() {
        Context c = Context.background();
        assertNotNull(c);
        assertFalse(isClosed(c.done()));
        assertNull(c.done());
        assertEquals("context.Background", c.toString());
    }

    // x_test.go TestTODO
    @Test
    void testTODO() {
        Context c = Context.todo();
        assertNotNull(c);
        assertNull(c.done());
        assertEquals("context.TODO", c.toString());
    }

    // x_test.go TestWithCancel
    @Test
    void testWithCancel() {
        CancelContext c1 = Context.withCancel(Context.background());
        assertEquals("context.Background.WithCancel", c1.toString());
        Context o = new OtherContext(c1);
        CancelContext c2 = Context.withCancel(o);
        List<Context> contexts = List.of(c1, o, c2);
        for (Context c : contexts) {
            assertNotNull(c.done(), c + ".done()");
            assertNull(c.err(), c + ".err()");
            assertFalse(isClosed(c.done()));
        }
        c1.cancel(); // propagates synchronously
        for (Context c : contexts) {
            assertTrue(isClosed(c.done()), "<-c.done() blocked, but shouldn't have");
            assertSame(Context.CANCELED, c.err());
        }
    }

    // context_test.go XTestParentFinishesChild
    @Test
    void testParentFinishesChild() {
        CancelContext parent = Context.withCancel(Context.background());
        CancelContext cancelChild = Context.withCancel(parent);
        Context valueChild = Context.withValue(parent, Context.Key.of("key"), "value");
        CancelContext timerChild = Context.withTimeout(valueChild, Duration.ofHours(10000));
        for (Context c : List.of(parent, cancelChild, valueChild, timerChild)) assertFalse(isClosed(c.done()));

        CancelNode pc = (CancelNode) parent;
        assertEquals(2, pc.childCount(), "bad linkage: the parent's children should be the two cancelable children");
        assertSame(pc, ((CancelNode) cancelChild).linkedParent());
        assertSame(pc, ((CancelNode) timerChild).linkedParent());

        parent.cancel();
        assertEquals(0, pc.childCount(), "cancel didn't clear the children");
        for (Context c : List.of(parent, cancelChild, valueChild, timerChild)) {
            assertTrue(isClosed(c.done()), c + " not done");
            assertSame(Context.CANCELED, c.err());
        }
        // A child of a cancelled parent is born cancelled.
        Context precanceledChild = Context.withValue(parent, Context.Key.of("key"), "value");
        assertTrue(isClosed(precanceledChild.done()));
        assertSame(Context.CANCELED, precanceledChild.err());
    }

    // context_test.go XTestChildFinishesFirst
    @Test
    void testChildFinishesFirst() {
        CancelContext cancelable = Context.withCancel(Context.background());
        for (Context parent : List.of(Context.background(), cancelable)) {
            CancelContext child = Context.withCancel(parent);
            assertFalse(isClosed(child.done()));
            if (parent instanceof CancelNode pc) assertEquals(1, pc.childCount());
            child.cancel();
            if (parent instanceof CancelNode pc) assertEquals(0, pc.childCount(), "child's cancel didn't remove itself");
            assertTrue(isClosed(child.done()));
            assertSame(Context.CANCELED, child.err());
            assertFalse(isClosed(parent.done()));
            assertNull(parent.err());
        }
        cancelable.cancel();
    }

    static void testDeadline(Context c, String name) throws InterruptedException {
        awaitDone(c);
        assertSame(Context.DEADLINE_EXCEEDED, c.err(), name);
    }

    // x_test.go TestDeadline
    @Test
    void testDeadline() throws InterruptedException {
        CancelContext c = Context.withDeadline(Context.background(), Instant.now().plus(SHORT));
        assertTrue(c.toString().startsWith("context.Background.WithDeadline("), c.toString());
        testDeadline(c, "WithDeadline");

        c = Context.withDeadline(Context.background(), Instant.now().plus(SHORT));
        testDeadline(new OtherContext(c), "WithDeadline+otherContext");

        c = Context.withDeadline(Context.background(), Instant.now().plus(SHORT));
        c = Context.withDeadline(new OtherContext(c), Instant.now().plus(VERY_LONG));
        testDeadline(c, "WithDeadline+otherContext+WithDeadline");

        c = Context.withDeadline(Context.background(), Instant.now().minus(SHORT));
        testDeadline(c, "WithDeadline+inthepast");

        c = Context.withDeadline(Context.background(), Instant.now());
        testDeadline(c, "WithDeadline+now");
    }

    // x_test.go TestTimeout
    @Test
    void testTimeout() throws InterruptedException {
        CancelContext c = Context.withTimeout(Context.background(), SHORT);
        assertTrue(c.toString().startsWith("context.Background.WithDeadline("), c.toString());
        testDeadline(c, "WithTimeout");

        c = Context.withTimeout(Context.background(), SHORT);
        testDeadline(new OtherContext(c), "WithTimeout+otherContext");

        c = Context.withTimeout(Context.background(), SHORT);
        c = Context.withTimeout(new OtherContext(c), VERY_LONG);
        testDeadline(c, "WithTimeout+otherContext+WithTimeout");
    }

    // x_test.go TestCanceledTimeout
    @Test
    void testCanceledTimeout() {
        CancelContext c0 = Context.withTimeout(Context.background(), Duration.ofSeconds(1));
        CancelContext c = Context.withTimeout(new OtherContext(c0), VERY_LONG);
        c.cancel(); // propagates synchronously
        assertTrue(isClosed(c.done()));
        assertSame(Context.CANCELED, c.err());
        c0.cancel();
    }

    static final Context.Key<String> K1 = Context.Key.of("k1");
    static final Context.Key<String> K2 = Context.Key.of("k2");
    static final Context.Key<String> K3 = Context.Key.of("k3");

    static void check(Context c, String name, String v1, String v2, String v3) {
        assertEquals(v1, c.value(K1), name + ".value(k1)");
        assertEquals(v2, c.value(K2), name + ".value(k2)");
        assertEquals(v3, c.value(K3), name + ".value(k3)");
    }

    // x_test.go TestValues
    @Test
    void testValues() {
        Context c0 = Context.background();
        check(c0, "c0", null, null, null);
        Context c1 = Context.withValue(Context.background(), K1, "c1k1");
        check(c1, "c1", "c1k1", null, null);
        assertEquals("context.Background.WithValue(k1, c1k1)", c1.toString());
        Context c2 = Context.withValue(c1, K2, "c2k2");
        check(c2, "c2", "c1k1", "c2k2", null);
        Context c3 = Context.withValue(c2, K3, "c3k3");
        check(c3, "c3", "c1k1", "c2k2", "c3k3");
        Context c4 = Context.withValue(c3, K1, null);
        check(c4, "c4", null, "c2k2", "c3k3");
        assertEquals("context.Background.WithValue(k1, c1k1).WithValue(k2, c2k2).WithValue(k3, c3k3).WithValue(k1, null)",
                c4.toString());

        Context o0 = new OtherContext(Context.background());
        check(o0, "o0", null, null, null);
        Context o1 = new OtherContext(Context.withValue(Context.background(), K1, "c1k1"));
        check(o1, "o1", "c1k1", null, null);
        Context o2 = Context.withValue(o1, K2, "o2k2");
        check(o2, "o2", "c1k1", "o2k2", null);
        Context o3 = new OtherContext(c4);
        check(o3, "o3", null, "c2k2", "c3k3");
        Context o4 = Context.withValue(o3, K3, null);
        check(o4, "o4", null, "c2k2", null);

        // Keys are compared by identity: a key of the same name is another key.
        assertNull(c1.value(Context.Key.of("k1")));
    }

    // x_test.go TestSimultaneousCancels
    @Test
    void testSimultaneousCancels() throws InterruptedException {
        CancelContext root = Context.withCancel(Context.background());
        Map<Context, CancelContext> m = new LinkedHashMap<>();
        m.put(root, root);
        ArrayDeque<Context> q = new ArrayDeque<>(List.of(root));
        while (!q.isEmpty() && m.size() < 100) {
            Context parent = q.poll();
            for (int i = 0; i < 4; i++) {
                CancelContext ctx = Context.withCancel(parent);
                m.put(ctx, ctx);
                q.add(ctx);
            }
        }
        List<CancelContext> cancels = new ArrayList<>(m.values());
        Collections.shuffle(cancels);
        WaitGroup wg = new WaitGroup();
        wg.add(cancels.size());
        for (CancelContext cancel : cancels) {
            Go.go(() -> {
                cancel.cancel();
                wg.done();
            });
        }
        List<Context> contexts = new ArrayList<>(m.keySet());
        Collections.shuffle(contexts);
        for (Context ctx : contexts) awaitDone(ctx);
        wg.await();
    }

    // x_test.go TestInterlockedCancels
    @Test
    void testInterlockedCancels() throws InterruptedException {
        CancelContext parent = Context.withCancel(Context.background());
        CancelContext child = Context.withCancel(parent);
        Go.go(() -> {
            parent.done().recv();
            child.cancel();
        });
        parent.cancel();
        awaitDone(child);
    }

    // x_test.go TestLayersCancel
    @Test
    void testLayersCancel() throws InterruptedException {
        testLayers(System.nanoTime(), false);
    }

    // x_test.go TestLayersTimeout
    @Test
    void testLayersTimeout() throws InterruptedException {
        testLayers(System.nanoTime(), true);
    }

    static void testLayers(long seed, boolean testTimeout) throws InterruptedException {
        Random r = new Random(seed);
        String prefix = "seed=" + seed + ": ";
        List<Context.Key<Object>> vals = new ArrayList<>();
        List<CancelContext> cancels = new ArrayList<>();
        int numTimers = 0;
        Context ctx = Context.background();
        for (int i = 0; i < 30 || numTimers == 0 || cancels.isEmpty() || vals.isEmpty(); i++) {
            switch (r.nextInt(3)) {
                case 0 -> {
                    Context.Key<Object> v = Context.Key.of("v" + i);
                    ctx = Context.withValue(ctx, v, v);
                    vals.add(v);
                }
                case 1 -> {
                    CancelContext c = Context.withCancel(ctx);
                    ctx = c;
                    cancels.add(c);
                }
                default -> {
                    CancelContext c = Context.withTimeout(ctx, testTimeout ? SHORT : VERY_LONG);
                    ctx = c;
                    cancels.add(c);
                    numTimers++;
                }
            }
        }
        Context last = ctx;
        Runnable checkValues = () -> {
            for (Context.Key<Object> key : vals) assertSame(key, last.value(key), prefix + "value");
        };
        if (!testTimeout) assertFalse(isClosed(ctx.done()), prefix + "ctx should not be canceled yet");
        assertTrue(ctx.toString().startsWith("context.Background."), ctx.toString());
        checkValues.run();
        if (testTimeout) {
            awaitDone(ctx);
        } else {
            cancels.get(r.nextInt(cancels.size())).cancel();
            assertTrue(isClosed(ctx.done()), prefix + "ctx should be canceled");
        }
        checkValues.run();
        for (CancelContext c : cancels) c.cancel();
    }

    // context_test.go XTestCancelRemoves
    @Test
    void testCancelRemoves() {
        CancelNode ctx = (CancelNode) Context.withCancel(Context.background());
        assertEquals(0, ctx.childCount(), "after creation");
        CancelContext child = Context.withCancel(ctx);
        assertEquals(1, ctx.childCount(), "with WithCancel child");
        child.cancel();
        assertEquals(0, ctx.childCount(), "after canceling WithCancel child");

        ctx = (CancelNode) Context.withCancel(Context.background());
        child = Context.withTimeout(ctx, Duration.ofMinutes(60));
        assertEquals(1, ctx.childCount(), "with WithTimeout child");
        child.cancel();
        assertEquals(0, ctx.childCount(), "after canceling WithTimeout child");
    }

    // x_test.go TestWithCancelCanceledParent
    @Test
    void testWithCancelCanceledParent() {
        CancelContext parent = Context.withCancelCause(Context.background());
        Exception cause = new Exception("Because!");
        parent.cancel(cause);
        CancelContext c = Context.withCancel(parent);
        assertTrue(isClosed(c.done()), "child not done immediately upon construction");
        assertSame(Context.CANCELED, c.err());
        assertSame(cause, Context.cause(c));
    }

    // x_test.go TestWithCancelSimultaneouslyCanceledParent
    @Test
    void testWithCancelSimultaneouslyCanceledParent() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            CancelContext parent = Context.withCancelCause(Context.background());
            Exception cause = new Exception("Because!");
            Go.go(() -> parent.cancel(cause));
            CancelContext c = Context.withCancel(parent);
            c.done().recv();
            assertSame(Context.CANCELED, c.err());
            assertSame(cause, Context.cause(c));
        }
    }

    // x_test.go TestWithValueChecksKey
    @Test
    void testWithValueChecksKey() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Context.withValue(Context.background(), null, "bar"));
        assertEquals("key", e.getMessage());
    }

    // x_test.go TestInvalidDerivedFail
    @Test
    void testInvalidDerivedFail() {
        for (Runnable r : List.<Runnable>of(
                () -> Context.withCancel(null),
                () -> Context.withCancelCause(null),
                () -> Context.withDeadline(null, Instant.now().plus(SHORT)),
                () -> Context.withTimeout(null, SHORT),
                () -> Context.withTimeoutCause(null, SHORT, null),
                () -> Context.withDeadlineCause(null, Instant.now(), null),
                () -> Context.withValue(null, K1, "bar"),
                () -> Context.withoutCancel(null),
                () -> Context.afterFunc(null, () -> {}))) {
            NullPointerException e = assertThrows(NullPointerException.class, r::run);
            assertTrue(e.getMessage().contains("parent") || e.getMessage().equals("ctx"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> Context.withTimeout(Context.background(), null));
        assertThrows(NullPointerException.class, () -> Context.withDeadline(Context.background(), null));
        assertThrows(NullPointerException.class, () -> Context.afterFunc(Context.background(), null));
        assertThrows(NullPointerException.class, () -> Context.Key.of(null));
    }

    // x_test.go TestDeadlineExceededSupportsTimeout
    @Test
    void testDeadlineExceededSupportsTimeout() {
        assertTrue(Context.DEADLINE_EXCEEDED.timeout());
        assertFalse(((Object) Context.DEADLINE_EXCEEDED) instanceof CanceledException, "DEADLINE_EXCEEDED is not a CANCELED");
        assertEquals("context deadline exceeded", Context.DEADLINE_EXCEEDED.getMessage());
        assertEquals("context canceled", Context.CANCELED.getMessage());
        assertEquals(0, Context.CANCELED.getStackTrace().length, "the shared instance carries no stack");
    }

    record CauseCase(String name, Supplier<Context> ctx, RuntimeException err, Throwable cause) {}

    // x_test.go TestCause
    @Test
    void testCause() {
        Duration forever = Duration.ofSeconds(1_000_000);
        Exception parentCause = new Exception("parentCause");
        Exception childCause = new Exception("childCause");
        Exception tooSlow = new Exception("tooSlow");
        Exception finishedEarly = new Exception("finishedEarly");
        RuntimeException canceled = Context.CANCELED;
        RuntimeException deadline = Context.DEADLINE_EXCEEDED;
        List<CauseCase> cases = List.of(
                new CauseCase("Background", Context::background, null, null),
                new CauseCase("TODO", Context::todo, null, null),
                new CauseCase("WithCancel", () -> {
                    CancelContext c = Context.withCancel(Context.background());
                    c.cancel();
                    return c;
                }, canceled, canceled),
                new CauseCase("WithCancelCause", () -> {
                    CancelContext c = Context.withCancelCause(Context.background());
                    c.cancel(parentCause);
                    return c;
                }, canceled, parentCause),
                new CauseCase("WithCancelCause nil", () -> {
                    CancelContext c = Context.withCancelCause(Context.background());
                    c.cancel(null);
                    return c;
                }, canceled, canceled),
                new CauseCase("WithCancelCause: parent cause before child", () -> {
                    CancelContext p = Context.withCancelCause(Context.background());
                    CancelContext c = Context.withCancelCause(p);
                    p.cancel(parentCause);
                    c.cancel(childCause);
                    return c;
                }, canceled, parentCause),
                new CauseCase("WithCancelCause: parent cause after child", () -> {
                    CancelContext p = Context.withCancelCause(Context.background());
                    CancelContext c = Context.withCancelCause(p);
                    c.cancel(childCause);
                    p.cancel(parentCause);
                    return c;
                }, canceled, childCause),
                new CauseCase("WithCancelCause: parent cause before nil", () -> {
                    CancelContext p = Context.withCancelCause(Context.background());
                    CancelContext c = Context.withCancel(p);
                    p.cancel(parentCause);
                    c.cancel();
                    return c;
                }, canceled, parentCause),
                new CauseCase("WithCancelCause: parent cause after nil", () -> {
                    CancelContext p = Context.withCancelCause(Context.background());
                    CancelContext c = Context.withCancel(p);
                    c.cancel();
                    p.cancel(parentCause);
                    return c;
                }, canceled, canceled),
                new CauseCase("WithCancelCause: child cause after nil", () -> {
                    CancelContext p = Context.withCancel(Context.background());
                    CancelContext c = Context.withCancelCause(p);
                    p.cancel();
                    c.cancel(childCause);
                    return c;
                }, canceled, canceled),
                new CauseCase("WithCancelCause: child cause before nil", () -> {
                    CancelContext p = Context.withCancel(Context.background());
                    CancelContext c = Context.withCancelCause(p);
                    c.cancel(childCause);
                    p.cancel();
                    return c;
                }, canceled, childCause),
                new CauseCase("WithTimeout", () -> {
                    CancelContext c = Context.withTimeout(Context.background(), Duration.ZERO);
                    c.cancel();
                    return c;
                }, deadline, deadline),
                new CauseCase("WithTimeout canceled", () -> {
                    CancelContext c = Context.withTimeout(Context.background(), forever);
                    c.cancel();
                    return c;
                }, canceled, canceled),
                new CauseCase("WithTimeoutCause", () -> {
                    CancelContext c = Context.withTimeoutCause(Context.background(), Duration.ZERO, tooSlow);
                    c.cancel();
                    return c;
                }, deadline, tooSlow),
                new CauseCase("WithTimeoutCause canceled", () -> {
                    CancelContext c = Context.withTimeoutCause(Context.background(), forever, tooSlow);
                    c.cancel();
                    return c;
                }, canceled, canceled),
                new CauseCase("WithTimeoutCause stacked", () -> {
                    CancelContext p = Context.withCancelCause(Context.background());
                    CancelContext c = Context.withTimeoutCause(p, Duration.ZERO, tooSlow);
                    p.cancel(finishedEarly);
                    return c;
                }, deadline, tooSlow),
                new CauseCase("WithTimeoutCause stacked canceled", () -> {
                    CancelContext p = Context.withCancelCause(Context.background());
                    CancelContext c = Context.withTimeoutCause(p, forever, tooSlow);
                    p.cancel(finishedEarly);
                    return c;
                }, canceled, finishedEarly),
                new CauseCase("WithoutCancel", () -> Context.withoutCancel(Context.background()), null, null),
                new CauseCase("WithoutCancel canceled", () -> {
                    CancelContext p = Context.withCancelCause(Context.background());
                    Context c = Context.withoutCancel(p);
                    p.cancel(finishedEarly);
                    return c;
                }, null, null),
                new CauseCase("WithoutCancel timeout", () -> {
                    CancelContext p = Context.withTimeoutCause(Context.background(), Duration.ZERO, tooSlow);
                    Context c = Context.withoutCancel(p);
                    p.cancel();
                    return c;
                }, null, null));
        for (CauseCase test : cases) {
            Context ctx = test.ctx().get();
            assertSame(test.err(), ctx.err(), test.name() + ": err()");
            assertSame(test.cause(), Context.cause(ctx), test.name() + ": cause()");
        }
    }

    // x_test.go TestCauseRace
    @Test
    void testCauseRace() {
        Exception cause = new Exception("TestCauseRace");
        CancelContext ctx = Context.withCancelCause(Context.background());
        Go.go(() -> ctx.cancel(cause));
        while (true) {
            // Poll cause, rather than waiting for done, to test that the cause is published safely.
            Throwable err = Context.cause(ctx);
            if (err != null) {
                assertSame(cause, err);
                return;
            }
            Thread.yield();
        }
    }

    // x_test.go TestWithoutCancel
    @Test
    void testWithoutCancel() {
        Context.Key<String> key = Context.Key.of("key");
        Context ctx = Context.withValue(Context.background(), key, "value");
        CancelContext parent = Context.withTimeout(ctx, SHORT);
        ctx = Context.withoutCancel(parent);
        parent.cancel();
        assertEquals(Optional.empty(), ctx.deadline());
        assertNull(ctx.done());
        assertNull(ctx.err());
        assertEquals("value", ctx.value(key));
        assertTrue(ctx.toString().endsWith(".WithoutCancel"), ctx.toString());
        // A child of a WithoutCancel context is not cancelled through it.
        CancelContext child = Context.withCancel(ctx);
        assertNull(child.err());
        child.cancel();
    }

    /** Go's customDoneContext: wraps a context but has its own done channel. */
    static final class CustomDoneContext extends OtherContext {
        final Chan<Void> donec;

        CustomDoneContext(Context inner, Chan<Void> donec) {
            super(inner);
            this.donec = donec;
        }

        @Override
        public RecvChan<Void> done() {
            return donec;
        }
    }

    // x_test.go TestCustomContextPropagation
    @Test
    void testCustomContextPropagation() throws InterruptedException {
        Exception cause = new Exception("TestCustomContextPropagation");
        Chan<Void> donec = Chan.make();
        CancelContext ctx1 = Context.withCancelCause(Context.background());
        Context ctx2 = new CustomDoneContext(ctx1, donec);
        CancelContext ctx3 = Context.withCancel(ctx2);
        ctx1.cancel(cause);
        donec.close();
        ctx3.done().recv();
        assertSame(Context.CANCELED, ctx3.err());
        assertSame(cause, Context.cause(ctx3));
        ctx3.cancel();
    }

    /** Go's customCauseContext: a context of its own, with no values, cancelled by hand. */
    static final class CustomCauseContext implements Context {
        private final Chan<Void> done = Chan.make();
        private RuntimeException err;
        private CancelContext cancelChild;

        @Override public RecvChan<Void> done() { return done; }
        @Override public synchronized RuntimeException err() { return err; }
        @Override public Optional<Instant> deadline() { return Optional.empty(); }
        @Override public <T> T value(Key<T> key) { return null; }

        void cancel() {
            CancelContext child;
            synchronized (this) {
                err = Context.CANCELED;
                done.close();
                child = cancelChild;
            }
            if (child != null) child.cancel();
        }
    }

    // x_test.go TestCustomContextCause
    @Test
    void testCustomContextCause() {
        CustomCauseContext ccc = new CustomCauseContext();
        ccc.cancel();
        assertSame(Context.CANCELED, ccc.err());
        assertSame(Context.CANCELED, Context.cause(ccc));

        ccc = new CustomCauseContext();
        CancelContext ctx = Context.withCancelCause(ccc);
        Exception cause = new Exception("TestCustomContextCause");
        ctx.cancel(cause);
        assertSame(Context.CANCELED, ctx.err());
        assertSame(cause, Context.cause(ctx));
        assertNull(ccc.err());
        assertNull(Context.cause(ccc));

        ccc.cancel();
        assertSame(Context.CANCELED, ctx.err());
        assertSame(cause, Context.cause(ctx));
        assertSame(Context.CANCELED, ccc.err());
        assertSame(Context.CANCELED, Context.cause(ccc));

        ccc = new CustomCauseContext();
        ctx = Context.withCancel(ccc);
        ccc.cancelChild = ctx;
        ccc.cancel();
        assertSame(Context.CANCELED, ctx.err());
        assertSame(Context.CANCELED, Context.cause(ctx));
        assertSame(Context.CANCELED, ccc.err());
        assertSame(Context.CANCELED, Context.cause(ccc));
    }

    // The parent's earlier deadline wins; a later one is kept.
    @Test
    void parentsEarlierDeadlineWins() {
        Instant soon = Instant.now().plusSeconds(60);
        CancelContext parent = Context.withDeadline(Context.background(), soon);
        CancelContext later = Context.withDeadline(parent, soon.plusSeconds(60));
        assertEquals(Optional.of(soon), later.deadline());
        CancelContext earlier = Context.withDeadline(parent, soon.minusSeconds(30));
        assertEquals(Optional.of(soon.minusSeconds(30)), earlier.deadline());
        parent.cancel();
        assertSame(Context.CANCELED, later.err());
        assertSame(Context.CANCELED, earlier.err());
    }

    // ctx.recv / send / sleep / throwIfDone
    @Test
    void helpersStopWhenDone() throws InterruptedException {
        CancelContext ctx = Context.withCancel(Context.background());
        Chan<Integer> ch = Chan.make(1);
        ctx.send(ch, 7);
        assertEquals(7, ctx.recv(ch));
        ctx.throwIfDone();
        Go.go(() -> {
            Thread.sleep(20);
            ctx.cancel();
        });
        assertFreshFor(Context.CANCELED, assertThrows(CanceledException.class, () -> ctx.recv(ch)));
        assertFreshFor(Context.CANCELED, assertThrows(CanceledException.class, () -> ctx.send(Chan.<Integer>make(), 1)));
        assertFreshFor(Context.CANCELED, assertThrows(CanceledException.class, () -> ctx.sleep(VERY_LONG)));
        assertFreshFor(Context.CANCELED, assertThrows(CanceledException.class, ctx::throwIfDone));
        assertSame(Context.CANCELED, ctx.err(), "err() is still the shared instance");
        ch.close();
        assertNull(Context.background().recv(ch), "a closed channel receives null");

        CancelContext timed = Context.withTimeout(Context.background(), Duration.ofMillis(20));
        long t0 = System.nanoTime();
        assertFreshFor(Context.DEADLINE_EXCEEDED, assertThrows(DeadlineExceededException.class, () -> timed.sleep(VERY_LONG)));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
        assertFreshFor(Context.DEADLINE_EXCEEDED, assertThrows(DeadlineExceededException.class, () -> timed.recv(ch)));
        assertFreshFor(Context.DEADLINE_EXCEEDED, assertThrows(DeadlineExceededException.class, () -> timed.send(ch, 1)));
        assertFreshFor(Context.DEADLINE_EXCEEDED, assertThrows(DeadlineExceededException.class, timed::throwIfDone));
        assertSame(Context.DEADLINE_EXCEEDED, timed.err());
        Context.background().sleep(Duration.ofMillis(1));
        assertThrows(NullPointerException.class, () -> ctx.recv(null));
    }

    /**
     * A method that throws because a context is done throws a fresh exception of the type of the shared one, with
     * the shared one as its cause and the throwing call in its stack (a panic it causes shows where).
     */
    static void assertFreshFor(RuntimeException shared, Throwable thrown) {
        assertNotSame(shared, thrown, "the shared instance was thrown: it has no stack");
        assertSame(shared.getClass(), thrown.getClass());
        assertEquals(shared.getMessage(), thrown.getMessage());
        assertSame(shared, thrown.getCause());
        assertTrue(java.util.Arrays.stream(thrown.getStackTrace())
                .anyMatch(e -> e.getClassName().equals(ContextTest.class.getName())), "the stack does not show the call");
    }

    // A foreign context's own error (not one of the shared instances) is thrown as it is.
    @Test
    void aForeignErrorIsThrownAsItIs() {
        IllegalStateException own = new IllegalStateException("shut down");
        Context foreign = new OtherContext(Context.background()) {
            @Override public RuntimeException err() { return own; }
        };
        assertSame(own, assertThrows(IllegalStateException.class, foreign::throwIfDone));
    }

    // Propagation is synchronous and iterative: a chain far deeper than any stack is cancelled before cancel() returns.
    @Test
    void deepChainIsCancelledBeforeCancelReturns() {
        CancelContext root = Context.withCancel(Context.background());
        Context.Key<Integer> depth = Context.Key.of("depth");
        Context c = root;
        for (int i = 0; i < 200_000; i++) c = i % 2 == 0 ? Context.withCancel(c) : Context.withValue(c, depth, i);
        assertEquals(199_999, c.value(depth));
        assertNull(c.err());
        root.cancel();
        assertSame(Context.CANCELED, c.err());
        assertTrue(isClosed(c.done()));
    }

    // A deadline that is not in the future is expired at once, before withDeadline returns.
    @Test
    void pastDeadlineIsExpiredAtOnce() {
        Exception late = new Exception("late");
        CancelContext c = Context.withDeadlineCause(Context.background(), Instant.now().minusSeconds(1), late);
        assertSame(Context.DEADLINE_EXCEEDED, c.err());
        assertSame(late, Context.cause(c));
        assertSame(Context.DEADLINE_EXCEEDED, Context.withTimeout(Context.background(), Duration.ofSeconds(-1)).err());
        assertSame(Context.DEADLINE_EXCEEDED, Context.withCancel(c).err(), "its children are born expired");
    }

    // afterFunc's f runs on a goroutine of its own, not on the cancelling thread.
    @Test
    void afterFuncRunsOnItsOwnGoroutine() throws InterruptedException {
        CancelContext ctx = Context.withCancel(Context.background());
        Chan<Thread> ran = Chan.make(1);
        Context.afterFunc(ctx, () -> ran.trySend(Thread.currentThread()));
        ctx.cancel();
        Thread t = ran.recv();
        assertTrue(t != Thread.currentThread() && t.isVirtual());
    }

    // try-with-resources is defer cancel()
    @Test
    void closeIsCancel() {
        CancelContext kept;
        try (CancelContext c = Context.withCancel(Context.background())) {
            kept = c;
            assertNull(c.err());
        }
        assertSame(Context.CANCELED, kept.err());
    }
}
