package io.github.go4j.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.CanceledException;
import io.github.go4j.context.Context;
import io.github.go4j.context.DeadlineExceededException;
import io.github.go4j.sync.GoroutinePanics;
import io.github.go4j.sync.WaitGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** golang.org/x/time rate/rate_test.go, ported with its exact numbers (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class LimiterTest {

    // rate_test.go TestLimit
    @Test
    void testLimit() {
        assertNotEquals(Limit.INF, Limit.perSecond(10), "Limit(10) == Inf should be false");
        assertTrue(Limit.INF.isInf());
        assertSame(Limit.INF, Limit.perSecond(Double.POSITIVE_INFINITY));
    }

    static boolean closeEnough(Limit a, Limit b) {
        return (Math.abs(a.eventsPerSecond() / b.eventsPerSecond()) - 1.0) < 1e-9;
    }

    // rate_test.go TestEvery
    @Test
    void testEvery() {
        record Case(Duration interval, Limit lim) {}
        List<Case> cases = List.of(
                new Case(Duration.ZERO, Limit.INF),
                new Case(Duration.ofNanos(-1), Limit.INF),
                new Case(Duration.ofNanos(1), Limit.perSecond(1e9)),
                new Case(Duration.ofNanos(1_000), Limit.perSecond(1e6)),
                new Case(Duration.ofMillis(1), Limit.perSecond(1e3)),
                new Case(Duration.ofMillis(10), Limit.perSecond(100)),
                new Case(Duration.ofMillis(100), Limit.perSecond(10)),
                new Case(Duration.ofSeconds(1), Limit.perSecond(1)),
                new Case(Duration.ofSeconds(2), Limit.perSecond(0.5)),
                new Case(Duration.ofNanos((long) (2.5 * 1e9)), Limit.perSecond(0.4)),
                new Case(Duration.ofSeconds(4), Limit.perSecond(0.25)),
                new Case(Duration.ofSeconds(10), Limit.perSecond(0.1)),
                new Case(Duration.ofNanos(Long.MAX_VALUE), Limit.perSecond(1e9 / (double) Long.MAX_VALUE)));
        for (Case tc : cases) {
            Limit lim = Limit.every(tc.interval());
            assertTrue(closeEnough(lim, tc.lim()), "Every(" + tc.interval() + ") = " + lim + " want " + tc.lim());
        }
    }

    static final Duration D = Duration.ofMillis(100);
    static final Instant T0 = Instant.now();
    static final Instant T1 = T0.plus(D.multipliedBy(1));
    static final Instant T2 = T0.plus(D.multipliedBy(2));
    static final Instant T3 = T0.plus(D.multipliedBy(3));
    static final Instant T4 = T0.plus(D.multipliedBy(4));
    static final Instant T5 = T0.plus(D.multipliedBy(5));
    static final Instant T9 = T0.plus(D.multipliedBy(9));

    record Allow(Instant t, double toks, int n, boolean ok) {}

    static void run(Limiter lim, List<Allow> allows) {
        for (int i = 0; i < allows.size(); i++) {
            Allow a = allows.get(i);
            assertEquals(a.toks(), lim.tokens(a.t()), "step " + i + ": lim.tokens(" + a.t() + ")");
            assertEquals(a.ok(), lim.allowN(a.t(), a.n()), "step " + i + ": lim.allowN(" + a.t() + ", " + a.n() + ")");
        }
    }

    static Limiter newLimiter(double r, int b) {
        return new Limiter(Limit.perSecond(r), b);
    }

    // rate_test.go TestLimiterBurst1
    @Test
    void testLimiterBurst1() {
        run(newLimiter(10, 1), List.of(
                new Allow(T0, 1, 1, true),
                new Allow(T0, 0, 1, false),
                new Allow(T0, 0, 1, false),
                new Allow(T1, 1, 1, true),
                new Allow(T1, 0, 1, false),
                new Allow(T1, 0, 1, false),
                new Allow(T2, 1, 2, false), // burst size is 1, so n=2 always fails
                new Allow(T2, 1, 1, true),
                new Allow(T2, 0, 1, false)));
    }

    // rate_test.go TestLimiterBurst3
    @Test
    void testLimiterBurst3() {
        run(newLimiter(10, 3), List.of(
                new Allow(T0, 3, 2, true),
                new Allow(T0, 1, 2, false),
                new Allow(T0, 1, 1, true),
                new Allow(T0, 0, 1, false),
                new Allow(T1, 1, 4, false),
                new Allow(T2, 2, 1, true),
                new Allow(T3, 2, 1, true),
                new Allow(T4, 2, 1, true),
                new Allow(T4, 1, 1, true),
                new Allow(T4, 0, 1, false),
                new Allow(T4, 0, 1, false),
                new Allow(T9, 3, 3, true),
                new Allow(T9, 0, 0, true)));
    }

    // rate_test.go TestLimiterJumpBackwards
    @Test
    void testLimiterJumpBackwards() {
        run(newLimiter(10, 3), List.of(
                new Allow(T1, 3, 1, true), // start at t1
                new Allow(T0, 2, 1, true), // jump back to t0, two tokens remain
                new Allow(T0, 1, 1, true),
                new Allow(T0, 0, 1, false),
                new Allow(T0, 0, 1, false),
                new Allow(T1, 1, 1, true), // got a token
                new Allow(T1, 0, 1, false),
                new Allow(T1, 0, 1, false),
                new Allow(T2, 1, 1, true), // got another token
                new Allow(T2, 0, 1, false),
                new Allow(T2, 0, 1, false)));
    }

    // rate_test.go TestLimiter_noTruncationErrors (golang.org/issues/34861)
    @Test
    void testLimiterNoTruncationErrors() {
        assertTrue(newLimiter(0.7692307692307693, 1).allow(), "expected true");
    }

    /** Go's testTime: a fake clock with fake timers; sleeping advances it to the next timer. */
    static final class TestTime implements Limiter.Clock {
        private Instant cur = Instant.now();
        private final List<Instant> timerWhen = new ArrayList<>();
        private final List<Chan<Instant>> timerCh = new ArrayList<>();

        @Override
        public synchronized Instant now() {
            return cur;
        }

        synchronized Chan<Instant> newTimer(Duration dur) {
            Chan<Instant> ch = Chan.make(1);
            timerWhen.add(cur.plus(dur));
            timerCh.add(ch);
            return ch;
        }

        synchronized Duration since(Instant t) {
            return Duration.between(t, cur);
        }

        synchronized void advance(Duration dur) {
            cur = cur.plus(dur);
            for (int i = 0; i < timerWhen.size(); ) {
                if (timerWhen.get(i).isAfter(cur)) {
                    i++;
                } else {
                    timerCh.get(i).trySend(cur);
                    timerWhen.remove(i);
                    timerCh.remove(i);
                }
            }
        }

        synchronized void advanceToTimer() {
            if (timerWhen.isEmpty()) throw new IllegalStateException("no timer");
            Instant when = timerWhen.get(0);
            for (Instant w : timerWhen) if (w.isBefore(when)) when = w;
            advance(Duration.between(cur, when));
        }

        /** Go's wait with the fake newTimer: the timer, advanced to at once, races the context. */
        @Override
        public void sleep(Context ctx, long nanos) throws InterruptedException {
            Chan<Instant> ch = newTimer(Duration.ofNanos(nanos));
            advanceToTimer();
            boolean fired = Select.select(Case.recv(ch, v -> true), Case.recv(ctx.done(), v -> false));
            if (!fired) throw ctx.err();
        }
    }

    record Request(Instant t, int n, Instant act, boolean ok) {}

    /** Go's dFromDuration: the duration in multiples of D, rounded to the nearest. */
    static long dFromDuration(Duration dur) {
        return dur.plus(D.dividedBy(2)).toNanos() / D.toNanos();
    }

    static long dSince(long epochNanos) {
        return dFromDuration(Duration.ofNanos(epochNanos - Limiter.nanos(T0)));
    }

    static LimiterReservation runReserve(Limiter lim, Request req) {
        return runReserveMax(lim, req, Reservation.INF_DURATION);
    }

    static LimiterReservation runReserveMax(Limiter lim, Request req, Duration maxReserve) {
        LimiterReservation r = lim.reserveN(req.t(), req.n(), maxReserve);
        long want = req.act() == null ? 0 : dSince(Limiter.nanos(req.act()));
        if ((r.ok() && dSince(r.timeToAct) != want) || r.ok() != req.ok()) {
            fail("lim.reserveN(t" + dSince(Limiter.nanos(req.t())) + ", " + req.n() + ", " + maxReserve + ") = (t"
                    + (r.ok() ? dSince(r.timeToAct) : "-") + ", " + r.ok() + ") want (t" + want + ", " + req.ok() + ")");
        }
        return r;
    }

    // rate_test.go TestSimultaneousRequests
    @Test
    void testSimultaneousRequests() throws InterruptedException {
        int limit = 1, burst = 5, numRequests = 15;
        WaitGroup wg = new WaitGroup();
        AtomicInteger numOK = new AtomicInteger();
        Limiter lim = newLimiter(limit, burst); // very slow replenishing bucket
        wg.add(numRequests);
        for (int i = 0; i < numRequests; i++) {
            Go.go(() -> {
                if (lim.allow()) numOK.incrementAndGet();
                wg.done();
            });
        }
        wg.await();
        assertEquals(burst, numOK.get());
    }

    // rate_test.go TestLongRunningQPS
    @Test
    void testLongRunningQPS() {
        int limit = 100, burst = 100;
        int numOK = 0;
        TestTime tt = new TestTime();
        Limiter lim = newLimiter(limit, burst);
        Instant start = tt.now();
        Instant end = start.plusSeconds(5);
        while (tt.now().isBefore(end)) {
            if (lim.allowN(tt.now(), 1)) numOK++;
            tt.advance(Duration.ofMillis(2)); // ~500 requests per second offered
        }
        Duration elapsed = tt.since(start);
        double ideal = burst + (limit * (double) elapsed.toNanos() / 1e9);
        assertTrue(numOK <= (int) (ideal + 1), "numOK = " + numOK + ", want at most " + (int) (ideal + 1));
        assertTrue(numOK >= (int) (0.999 * ideal), "numOK = " + numOK + ", want at least " + (int) (0.999 * ideal));
    }

    // rate_test.go TestSimpleReserve
    @Test
    void testSimpleReserve() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        runReserve(lim, new Request(T0, 2, T2, true));
        runReserve(lim, new Request(T3, 2, T4, true));
    }

    // rate_test.go TestMix
    @Test
    void testMix() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T0, 3, T1, false)); // n > burst
        runReserve(lim, new Request(T0, 2, T0, true));
        run(lim, List.of(new Allow(T1, 1, 2, false))); // not enough tokens
        runReserve(lim, new Request(T1, 2, T2, true));
        run(lim, List.of(new Allow(T1, -1, 1, false))); // negative tokens
        run(lim, List.of(new Allow(T3, 1, 1, true)));
    }

    // rate_test.go TestCancelInvalid
    @Test
    void testCancelInvalid() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        LimiterReservation r = runReserve(lim, new Request(T0, 3, T3, false));
        r.cancel(T0); // no effect
        runReserve(lim, new Request(T0, 2, T2, true)); // did not get extra tokens
    }

    // rate_test.go TestCancelLast
    @Test
    void testCancelLast() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        LimiterReservation r = runReserve(lim, new Request(T0, 2, T2, true));
        r.cancel(T1); // got 2 tokens back
        runReserve(lim, new Request(T1, 2, T2, true));
    }

    // rate_test.go TestCancelTooLate
    @Test
    void testCancelTooLate() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        LimiterReservation r = runReserve(lim, new Request(T0, 2, T2, true));
        r.cancel(T3); // too late to cancel: no effect
        runReserve(lim, new Request(T3, 2, T4, true));
    }

    // rate_test.go TestCancel0Tokens
    @Test
    void testCancel0Tokens() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        LimiterReservation r = runReserve(lim, new Request(T0, 1, T1, true));
        runReserve(lim, new Request(T0, 1, T2, true));
        r.cancel(T0); // got 0 tokens back
        runReserve(lim, new Request(T0, 1, T3, true));
    }

    // rate_test.go TestCancel1Token
    @Test
    void testCancel1Token() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        LimiterReservation r = runReserve(lim, new Request(T0, 2, T2, true));
        runReserve(lim, new Request(T0, 1, T3, true));
        r.cancel(T2); // got 1 token back
        runReserve(lim, new Request(T2, 2, T4, true));
    }

    // rate_test.go TestCancelMulti
    @Test
    void testCancelMulti() {
        Limiter lim = newLimiter(10, 4);
        runReserve(lim, new Request(T0, 4, T0, true));
        LimiterReservation rA = runReserve(lim, new Request(T0, 3, T3, true));
        runReserve(lim, new Request(T0, 1, T4, true));
        LimiterReservation rC = runReserve(lim, new Request(T0, 1, T5, true));
        rC.cancel(T1); // get 1 token back
        rA.cancel(T1); // get 2 tokens back, as if C was never reserved
        runReserve(lim, new Request(T1, 3, T5, true));
    }

    // rate_test.go TestReserveJumpBack
    @Test
    void testReserveJumpBack() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T1, 2, T1, true)); // start at t1
        runReserve(lim, new Request(T0, 1, T1, true)); // should violate Limit,Burst
        runReserve(lim, new Request(T2, 2, T3, true));
        // burst size is 2, so n=3 always fails, and the state of lim should not be changed
        runReserve(lim, new Request(T0, 3, null, false));
        runReserve(lim, new Request(T2, 1, T4, true));
        // the maxReserve is not enough so it fails, and the state of lim should not be changed
        runReserveMax(lim, new Request(T0, 2, null, false), D);
        runReserve(lim, new Request(T2, 1, T5, true));
    }

    // rate_test.go TestReserveJumpBackCancel
    @Test
    void testReserveJumpBackCancel() {
        Limiter lim = newLimiter(10, 2);
        runReserve(lim, new Request(T1, 2, T1, true)); // start at t1
        LimiterReservation r = runReserve(lim, new Request(T1, 2, T3, true));
        runReserve(lim, new Request(T1, 1, T4, true));
        r.cancel(T0); // cancel at t0, get 1 token back
        runReserve(lim, new Request(T1, 2, T4, true)); // should violate Limit,Burst
    }

    // rate_test.go TestReserveSetLimit
    @Test
    void testReserveSetLimit() {
        Limiter lim = newLimiter(5, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        runReserve(lim, new Request(T0, 2, T4, true));
        lim.setLimit(T2, Limit.perSecond(10));
        runReserve(lim, new Request(T2, 1, T4, true)); // violates Limit and Burst
    }

    // rate_test.go TestReserveSetBurst
    @Test
    void testReserveSetBurst() {
        Limiter lim = newLimiter(5, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        runReserve(lim, new Request(T0, 2, T4, true));
        lim.setBurst(T3, 4);
        runReserve(lim, new Request(T0, 4, T9, true)); // violates Limit and Burst
    }

    // rate_test.go TestReserveSetLimitCancel
    @Test
    void testReserveSetLimitCancel() {
        Limiter lim = newLimiter(5, 2);
        runReserve(lim, new Request(T0, 2, T0, true));
        LimiterReservation r = runReserve(lim, new Request(T0, 2, T4, true));
        lim.setLimit(T2, Limit.perSecond(10));
        r.cancel(T2); // 2 tokens back
        runReserve(lim, new Request(T2, 2, T3, true));
    }

    // rate_test.go TestReserveMax
    @Test
    void testReserveMax() {
        Limiter lim = newLimiter(10, 2);
        Duration maxT = D;
        runReserveMax(lim, new Request(T0, 2, T0, true), maxT);
        runReserveMax(lim, new Request(T0, 1, T1, true), maxT);  // reserve for close future
        runReserveMax(lim, new Request(T0, 1, T2, false), maxT); // time to act too far in the future
    }

    record Wait(String name, Context ctx, int n, int delay, boolean nilErr) {}

    /** Go's waitDelayOk: the time spent waiting is close enough to {@code wantD} multiples of D. */
    static boolean waitDelayOk(int wantD, Duration got) {
        long gotD = dFromDuration(got);
        if (gotD < wantD) return false;
        long maxD = (wantD * 3L + 1) / 2;
        return gotD <= maxD;
    }

    static void runWait(TestTime tt, Limiter lim, Wait w) throws InterruptedException {
        Instant start = tt.now();
        RuntimeException err = null;
        try {
            lim.awaitN(w.ctx(), w.n(), tt);
        } catch (RuntimeException e) {
            err = e;
        }
        Duration delay = tt.since(start);
        if ((w.nilErr() && err != null) || (!w.nilErr() && err == null) || !waitDelayOk(w.delay(), delay)) {
            fail("lim.awaitN(" + w.name() + ", " + w.n() + ") = " + err + " with delay " + delay + "; want "
                    + (w.nilErr() ? "no error" : "an error") + " with delay " + D.multipliedBy(w.delay()));
        }
    }

    // rate_test.go TestWaitSimple
    @Test
    void testWaitSimple() throws InterruptedException {
        TestTime tt = new TestTime();
        Limiter lim = newLimiter(10, 3);
        CancelContext ctx = Context.withCancel(Context.background());
        ctx.cancel();
        runWait(tt, lim, new Wait("already-cancelled", ctx, 1, 0, false));
        runWait(tt, lim, new Wait("exceed-burst-error", Context.background(), 4, 0, false));
        runWait(tt, lim, new Wait("act-now", Context.background(), 2, 0, true));
        runWait(tt, lim, new Wait("act-later", Context.background(), 3, 2, true));
    }

    // rate_test.go TestWaitCancel
    @Test
    void testWaitCancel() throws InterruptedException {
        TestTime tt = new TestTime();
        Limiter lim = newLimiter(10, 3);
        CancelContext ctx = Context.withCancel(Context.background());
        runWait(tt, lim, new Wait("act-now", ctx, 2, 0, true)); // after this lim.tokens = 1
        Chan<Instant> ch = tt.newTimer(D);
        Go.go(() -> {
            ch.recv();
            ctx.cancel();
        });
        runWait(tt, lim, new Wait("will-cancel", ctx, 3, 1, false));
        // should get 3 tokens back, and have lim.tokens = 2
        runWait(tt, lim, new Wait("act-now-after-cancel", Context.background(), 2, 0, true));
    }

    // rate_test.go TestWaitTimeout
    @Test
    void testWaitTimeout() throws InterruptedException {
        TestTime tt = new TestTime();
        Limiter lim = newLimiter(10, 3);
        // Go uses WithTimeout(Background(), d); a deadline on the fake clock keeps a slow machine from expiring it.
        Context ctx = new FakeDeadline(tt.now().plus(D));
        runWait(tt, lim, new Wait("act-now", ctx, 2, 0, true));
        runWait(tt, lim, new Wait("w-timeout-err", ctx, 3, 0, false));
    }

    /** A context with a deadline on the fake clock that no real timer ends. */
    record FakeDeadline(Instant at) implements Context {
        @Override public io.github.go4j.chan.RecvChan<Void> done() { return null; }
        @Override public RuntimeException err() { return null; }
        @Override public java.util.Optional<Instant> deadline() { return java.util.Optional.of(at); }
        @Override public <T> T value(Key<T> key) { return null; }
    }

    // rate_test.go TestWaitInf
    @Test
    void testWaitInf() throws InterruptedException {
        TestTime tt = new TestTime();
        Limiter lim = new Limiter(Limit.INF, 0);
        runWait(tt, lim, new Wait("exceed-burst-no-error", Context.background(), 3, 0, true));
    }

    // rate_test.go TestZeroLimit
    @Test
    void testZeroLimit() {
        Limiter r = newLimiter(0, 1);
        assertTrue(r.allow(), "Limit(0, 1) want true when first used");
        assertFalse(r.allow(), "Limit(0, 1) want false when already used");
    }

    // rate_test.go TestSetAfterZeroLimit
    @Test
    void testSetAfterZeroLimit() throws InterruptedException {
        Limiter lim = newLimiter(0, 1);
        assertTrue(lim.allow(), "the limiter starts full");
        assertFalse(lim.allow(), "the bucket is not being replenished");
        lim.setLimit(Limit.perSecond(10));
        TestTime tt = new TestTime();
        // We set the limit to 10/s so expect to get another token in 100ms
        runWait(tt, lim, new Wait("wait-after-set-nonzero-after-zero", Context.background(), 1, 1, true));
    }

    // rate_test.go TestTinyLimit (issue 71154: no overflow in durationFromTokens)
    @Test
    void testTinyLimit() {
        Limiter lim = newLimiter(1e-10, 1);
        assertTrue(lim.allow(), "Limit(1e-10, 1) want true when first used");
        assertFalse(lim.allow(), "Limit(1e-10, 1) want false when already used");
    }

    // The real await: short real waits, and the errors Go returns, in Java's form.
    @Test
    void realAwait() throws InterruptedException {
        Limiter lim = new Limiter(Limit.every(Duration.ofMillis(20)), 1);
        long t0 = System.nanoTime();
        lim.await(Context.background());
        lim.await(Context.background()); // waits about 20 ms
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(15).toNanos(), "the second event had to wait");

        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> lim.awaitN(Context.background(), 2));
        assertEquals("rate: Wait(n=2) exceeds limiter's burst 1", tooMany.getMessage());

        Limiter hourly = new Limiter(Limit.every(Duration.ofHours(1)), 1);
        hourly.allow();
        try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(5))) {
            // the next token is an hour away, past the context's deadline: fail at once, spending nothing
            DeadlineExceededException late = assertThrows(DeadlineExceededException.class, () -> hourly.await(ctx));
            assertEquals("rate: Wait(n=1) would exceed context deadline", late.getMessage());
        }

        Limiter slow = new Limiter(Limit.every(Duration.ofHours(1)), 1);
        slow.allow();
        CancelContext ctx = Context.withCancel(Context.background());
        Go.go(() -> {
            Thread.sleep(10);
            ctx.cancel();
        });
        assertSame(Context.CANCELED, assertThrows(CanceledException.class, () -> slow.await(ctx)).getCause());
        assertTrue(slow.tokens() > -0.01, "the cancelled wait gave its token back: " + slow.tokens());
    }

    // Reservation.delay and cancel, with explicit instants.
    @Test
    void reservationDelayAndCancel() {
        Limiter lim = newLimiter(10, 1);
        Reservation r0 = lim.reserve(T0);
        assertTrue(r0.ok());
        assertEquals(Duration.ZERO, r0.delay(T0));
        Reservation r1 = lim.reserve(T0);
        assertEquals(D, r1.delay(T0));
        assertEquals(Duration.ofMillis(50), r1.delay(T0.plusMillis(50)));
        r1.cancel(T0);
        assertEquals(0.0, lim.tokens(T0));
        Reservation notOk = lim.reserveN(T0, 2);
        assertFalse(notOk.ok());
        assertEquals(Reservation.INF_DURATION, notOk.delay(T0));
        notOk.cancel(T0);
        assertEquals(1, lim.burst());
        assertEquals(Limit.perSecond(10), lim.limit());
        lim.setBurst(T0, 3);
        assertEquals(3, lim.burst());
    }

    @Test
    void badArguments() {
        assertThrows(NullPointerException.class, () -> new Limiter(null, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limiter(Limit.INF, -1));
        assertThrows(IllegalArgumentException.class, () -> Limit.perSecond(-1));
        assertThrows(IllegalArgumentException.class, () -> Limit.perSecond(Double.NaN));
        assertThrows(NullPointerException.class, () -> Limit.every(null));
        Limiter lim = newLimiter(1, 1);
        assertThrows(IllegalArgumentException.class, () -> lim.allowN(T0, -1));
        assertThrows(IllegalArgumentException.class, () -> lim.reserveN(T0, -1));
        assertThrows(IllegalArgumentException.class, () -> lim.setBurst(T0, -1));
        assertThrows(NullPointerException.class, () -> lim.allowN(null, 1));
        assertThrows(NullPointerException.class, () -> lim.setLimit(T0, null));
        assertThrows(NullPointerException.class, () -> lim.await(null));
    }
}
