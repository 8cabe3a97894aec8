package io.github.go4j.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.GoroutineScope;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's src/time/tick_test.go, the parts that apply, including TestChan's Go 1.23 (synchronous) path. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TickTest {

    /**
     * tick_test.go TestTicker (first configuration: 10 ticks of 20ms, the second half at 40ms after a
     * Reset): no faster than 70% of the target, and after Stop no more ticks.
     */
    @Test
    void testTicker() throws InterruptedException {
        final int count = 10;
        Duration delta = Duration.ofMillis(20);
        Ticker ticker = Time.newTicker(delta);
        long t0 = System.nanoTime();
        for (int i = 0; i < count / 2; i++) ticker.c().recv();
        ticker.reset(delta.multipliedBy(2));
        for (int i = 0; i < count - count / 2; i++) ticker.c().recv();
        ticker.stop();
        long dt = System.nanoTime() - t0;
        long target = 3 * delta.toNanos() * (count / 2);
        long slop = target * 3 / 10;
        assertTrue(dt >= target - slop, count + " ticks took " + dt + " ns, expected at least " + (target - slop));
        assertTrue(dt <= target + Duration.ofSeconds(10).toNanos(), "ticks took " + dt + " ns");
        // Now test that the ticker stopped.
        Time.sleep(delta.multipliedBy(2));
        assertNull(ticker.c().tryRecv(), "Ticker did not shut down");
    }

    /** tick_test.go TestTeardown (-short: 20ms): a ticker can be torn down right after a tick, three times. */
    @Test
    void testTeardown() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Ticker ticker = Time.newTicker(Duration.ofMillis(20));
            ticker.c().recv();
            ticker.stop();
        }
    }

    /** tick_test.go TestTick: Go's Tick(-1) returns nil; go4j's Time.tick rejects a non-positive interval. */
    @Test
    void testTick() {
        assertThrows(IllegalArgumentException.class, () -> Time.tick(Duration.ofNanos(-1)));
        assertThrows(IllegalArgumentException.class, () -> Time.tick(Duration.ZERO));
    }

    /** tick_test.go TestNewTickerLtZeroDuration: NewTicker(-1) panics. */
    @Test
    void testNewTickerLtZeroDuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Time.newTicker(Duration.ofNanos(-1)));
        assertTrue(e.getMessage().contains("non-positive interval for NewTicker"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Time.newTicker(Duration.ZERO));
    }

    /** tick_test.go TestTickerResetLtZeroDuration: Ticker.Reset(0) panics. */
    @Test
    void testTickerResetLtZeroDuration() {
        Ticker tk = Time.newTicker(Duration.ofSeconds(1));
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tk.reset(Duration.ZERO));
            assertTrue(e.getMessage().contains("non-positive interval for Ticker.Reset"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> tk.reset(Duration.ofNanos(-1)));
        } finally {
            tk.stop();
        }
    }

    /**
     * tick_test.go TestLongAdjustTimers, scaled from 50000 to 500 rounds: a queuing goroutine ping-pongs work
     * through a select while a timer heap holds thousands of entries; every select has a 5s timeout case
     * (Case.after) that must neither fire nor pile up.
     */
    @Test
    void testLongAdjustTimers() throws Exception {
        try (GoroutineScope g = new GoroutineScope()) {
            // Build up the timer heap.
            final int count = 5000;
            for (int i = 0; i < count; i++) g.go(() -> Time.sleep(Duration.ofNanos(10_000)));
            Chan<Boolean> done = Chan.make();
            Timer giveUp = Time.afterFunc(Duration.ofSeconds(60), done::close);
            Chan<Runnable> inQ = Chan.make();
            Chan<Runnable> outQ = Chan.make();
            g.go(() -> {
                java.util.ArrayDeque<Runnable> q = new java.util.ArrayDeque<>();
                try {
                    while (true) {
                        Chan<Runnable> sendTo = q.isEmpty() ? null : outQ;
                        Runnable send = q.isEmpty() ? () -> {} : q.peekFirst();
                        int r = Select.select(Case.send(sendTo, send, () -> 0),
                                Case.recvOk(inQ, (f, ok) -> {
                                    if (!ok) return 2;
                                    q.addLast(f);
                                    return 1;
                                }),
                                Case.recv(done, v -> 2));
                        if (r == 0) q.pollFirst();
                        if (r == 2) return;
                    }
                } finally {
                    outQ.close();
                }
            });
            for (int i = 0; i < 500; i++) {
                final int tries = 20;
                for (int k = 0; k < tries; k++) inQ.send(() -> {});
                for (int k = 0; k < tries; k++) {
                    final int round = i;
                    String r = Select.select(Case.recvOk(outQ, (f, ok) -> ok ? null : "output channel is closed"),
                            Case.after(Duration.ofSeconds(5), () -> "failed to read work, iteration " + round),
                            Case.recv(done, v -> "timer expired"));
                    if (r != null) fail(r);
                }
            }
            inQ.close();
            giveUp.stop();
            g.join();
        }
    }

    /** tick_test.go tickerTimer: a Ticker with Stop and Reset that say whether it was running, like Timer's. */
    static final class TickerTimer implements Timer {
        final Ticker ticker;
        boolean stopped;

        TickerTimer(Ticker ticker) {
            this.ticker = ticker;
        }

        @Override public RecvChan<Instant> c() { return ticker.c(); }
        @Override public boolean stop() {
            boolean pending = !stopped;
            stopped = true;
            ticker.stop();
            return pending;
        }
        @Override public boolean reset(Duration d) {
            boolean pending = !stopped;
            stopped = false;
            ticker.reset(d);
            return pending;
        }
    }

    /** tick_test.go TestChan, asynctimerchan=0 (Go 1.23's synchronous timer channels), Timer and Ticker. */
    @Test
    void testChanTimer() throws Exception {
        Timer tim = Time.newTimer(Duration.ofSeconds(10_000));
        testTimerChan(tim, tim.c(), false);
    }

    @Test
    void testChanTicker() throws Exception {
        TickerTimer tim = new TickerTimer(Time.newTicker(Duration.ofSeconds(10_000)));
        try {
            testTimerChan(tim, tim.c(), true);
        } finally {
            tim.ticker.stop();
        }
    }

    // Retry parameters: Go's sched = 10ms; tries raised from 100 to 500 for a loaded 2-core machine.
    private static final Duration SCHED = Duration.ofMillis(10);
    private static final int TRIES = 500;

    private static void noTick(RecvChan<Instant> c) {
        assertNull(c.tryRecv(), "extra tick");
    }

    private static void assertTick(RecvChan<Instant> c) throws InterruptedException {
        if (c.tryRecv() != null) return;
        for (int i = 0; i < TRIES; i++) {
            Time.sleep(SCHED);
            if (c.tryRecv() != null) return;
        }
        fail("missing tick");
    }

    private static void notDone(RecvChan<Boolean> done) {
        if (done.tryRecv() != null) fail("early done");
    }

    private static void waitDone(RecvChan<Boolean> done) throws InterruptedException {
        for (int i = 0; i < TRIES; i++) {
            Time.sleep(SCHED);
            if (done.tryRecv() != null) return;
        }
        fail("never got done");
    }

    private static void testTimerChan(Timer tim, RecvChan<Instant> c, boolean isTicker) throws Exception {
        Duration far = Duration.ofSeconds(10_000);
        // Test simple stop; timer never in heap.
        tim.stop();
        noTick(c);
        // Test modify of timer not in heap.
        tim.reset(far);
        noTick(c);
        // Test modify of timer in heap.
        tim.reset(Duration.ofNanos(1));
        Time.sleep(SCHED);
        assertTick(c);
        // Sleep long enough that a second tick must happen if this is a ticker.
        // Test that Reset does not lose the tick that should have happened.
        Time.sleep(SCHED);
        tim.reset(far);
        noTick(c);

        try (GoroutineScope g = new GoroutineScope()) {
            // Reset timer in heap (already reset above, but just in case).
            tim.reset(far);
            // Test stop while timer in heap (because goroutine is blocked on <-C).
            Chan<Boolean> done = Chan.make();
            notDone(done);
            g.go(() -> {
                c.recv();
                done.close();
            });
            Time.sleep(SCHED);
            notDone(done);
            // Test reset far away while timer in heap.
            tim.reset(Duration.ofSeconds(20_000));
            Time.sleep(SCHED);
            notDone(done);
            // Test imminent reset while in heap.
            tim.reset(Duration.ofNanos(1));
            waitDone(done);
            // If this is a ticker, another tick should have come in already (they are 1ns apart).
            // If a timer, it should have stopped.
            if (isTicker) assertTick(c);
            else noTick(c);
            tim.stop();
            noTick(c);
            g.join();
        }

        try (GoroutineScope g = new GoroutineScope()) {
            // Again using select and with two goroutines waiting.
            tim.reset(far);
            Chan<Boolean> done = Chan.make(2);
            Chan<Boolean> done1 = Chan.make();
            Chan<Boolean> done2 = Chan.make();
            Chan<Boolean> stop = Chan.make();
            for (Chan<Boolean> doneK : java.util.List.of(done1, done2)) {
                g.go(() -> {
                    Boolean ticked = Select.select(Case.recv(c, v -> true), Case.recv(stop, v -> false));
                    if (ticked) done.send(true);
                    doneK.close();
                });
            }
            Time.sleep(SCHED);
            notDone(done);
            tim.reset(SCHED.dividedBy(2));
            Time.sleep(SCHED);
            waitDone(done);
            tim.stop();
            stop.close();
            waitDone(done1);
            waitDone(done2);
            if (isTicker) {
                // an extra send might have sent done again (handled by buffering done above),
                // and an extra send after that might have filled C.
                done.tryRecv();
                c.tryRecv();
            }
            notDone(done);
            g.join();
        }

        try (GoroutineScope g = new GoroutineScope()) {
            // Test a goroutine waiting on C while the timer is stopped: no data ever comes.
            Chan<Boolean> stop = Chan.make();
            Chan<Boolean> done = Chan.make(2);
            for (int k = 0; k < 2; k++) {
                g.go(() -> {
                    Select.select(Case.recv(c, v -> {
                        throw new AssertionError("unexpected data");
                    }), Case.recv(stop, v -> null));
                    done.send(true);
                });
            }
            Time.sleep(SCHED);
            stop.close();
            waitDone(done);
            waitDone(done);
            g.join();
        }

        // Test that Stop and Reset block old values from being received (proposal go.dev/issue/37196).
        tim.reset(Duration.ofNanos(1));
        Time.sleep(Duration.ofMillis(10));
        assertTrue(tim.stop(), "tim.Stop() after an unreceived expiry");
        noTick(c);
        tim.reset(Duration.ofHours(1));
        noTick(c);
        assertTrue(tim.reset(Duration.ofNanos(1)), "tim.Reset() of a pending timer");
        assertTick(c);
        Time.sleep(Duration.ofMillis(10));
        if (isTicker) {
            assertTick(c);
            Time.sleep(Duration.ofMillis(10));
        } else {
            noTick(c);
        }
        assertEquals(isTicker, tim.reset(Duration.ofHours(1)), "tim.Reset() after the tick was received");
        noTick(c);
        tim.stop();
    }

    /**
     * tick_test.go TestAfterTimes: After(10ms) read 500ms later yields the expiry time, not the read time
     * (Go's 500ms/400ms; three tries where Go has ten).
     */
    @Test
    void testAfterTimes() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Instant start = Instant.now();
            RecvChan<Instant> c = Time.after(Duration.ofMillis(10));
            Time.sleep(Duration.ofMillis(500));
            Duration dt = Duration.between(start, c.recv());
            if (dt.compareTo(Duration.ofMillis(400)) < 0) return;
        }
        fail("After(10ms) delivers the time it was received, not the time it fired");
    }

    /** tick_test.go TestTickTimes: the same for Tick(10ms): the buffered tick keeps its own time. */
    @Test
    void testTickTimes() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Instant start = Instant.now();
            Ticker t = Time.newTicker(Duration.ofMillis(10));
            Time.sleep(Duration.ofMillis(500));
            Duration dt = Duration.between(start, t.c().recv());
            t.stop();
            if (dt.compareTo(Duration.ofMillis(400)) < 0) return;
        }
        fail("Tick(10ms) delivers a late time");
    }

    /** A slow receiver sees dropped ticks, never a backlog: the channel holds one tick. */
    @Test
    void aSlowReceiverSeesDroppedTicks() throws InterruptedException {
        Ticker t = Time.newTicker(Duration.ofMillis(20));
        try {
            Time.sleep(Duration.ofMillis(300)); // about 15 ticks happen meanwhile
            assertTrue(t.c().len() <= 1, "len " + t.c().len());
            assertEquals(1, t.c().cap());
            int available = 0;
            while (t.c().tryRecv() != null) available++;
            assertTrue(available >= 1 && available <= 2, available + " ticks were queued for a slow receiver");
            assertNotNull(t.c().recv(), "the ticker keeps ticking after drops");
        } finally {
            t.stop();
        }
    }
}
