package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract of {@link Select} and {@link Case} (their javadoc and API.md). */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectContractTest {

    private static boolean within10Sigma(int count, int trials, double p) {
        double sigma = Math.sqrt(trials * p * (1 - p));
        return Math.abs(count - trials * p) <= 10 * sigma;
    }

    @Test
    void defaultNeverRunsWhileABufferedValueOrACloseIsReady() throws InterruptedException {
        Chan<Integer> buffered = Chan.make(1);
        Chan<Integer> closed = Chan.make();
        closed.close();
        Chan<Integer> never = Chan.make();
        for (int i = 0; i < 1000; i++) {
            buffered.send(i);
            String r = Select.select(Case.recv(never, v -> "never"), Case.recv(buffered, v -> "buffered"),
                    Case.otherwise(() -> "default"));
            assertEquals("buffered", r);
            assertEquals("closed", Select.select(Case.recv(never, v -> "never"), Case.recv(closed, v -> "closed"),
                    Case.otherwise(() -> "default")));
        }
    }

    @Test
    void defaultNeverRunsWhileAParkedPeerIsReady() throws Exception {
        for (int i = 0; i < 200; i++) {
            Chan<Integer> in = Chan.make();
            Chan<Integer> out = Chan.make();
            try (GoroutineScope g = new GoroutineScope()) {
                Thread sender = g.go(() -> in.send(1));
                Thread receiver = g.go(out::recv);
                awaitParked(sender, receiver);
                // A receive (from the parked sender) and a send (to the parked receiver) are both ready.
                String r = Select.select(Case.recv(in, v -> "recv"), Case.send(out, 2, () -> "send"),
                        Case.otherwise(() -> "default"));
                assertTrue(r.equals("recv") || r.equals("send"), r);
                // The other peer is still parked: let it finish.
                if (r.equals("recv")) out.send(3);
                else in.recv();
                g.join();
            }
        }
    }

    @Test
    void selectWithADefaultNeverBlocks() throws InterruptedException {
        Chan<Integer> empty = Chan.make();
        Chan<Integer> full = Chan.make(1);
        full.send(1);
        for (int i = 0; i < 1000; i++) {
            assertEquals("default", Select.select(Case.recv(empty, v -> "recv"), Case.send(full, 2, () -> "send"),
                    Case.send(empty, 3, () -> "send2"), Case.recv(Chan.<Integer>nil(), v -> "nil"),
                    Case.after(Duration.ofHours(1), () -> "after"), Case.otherwise(() -> "default")));
        }
        assertEquals(1, full.len());
    }

    @Test
    void aSelectNeverPairsItsOwnSendWithItsOwnReceive() throws InterruptedException {
        Chan<Integer> c = Chan.make();
        for (int i = 0; i < 100; i++) {
            assertEquals("default", Select.select(Case.send(c, 1, () -> "send"), Case.recv(c, v -> "recv " + v),
                    Case.otherwise(() -> "default")));
        }
        assertEquals("timeout", Select.select(Case.send(c, 1, () -> "send"), Case.recv(c, v -> "recv " + v),
                Case.after(Duration.ofMillis(20), () -> "timeout")));
    }

    @Test
    void exactlyOneCommunicationPerSelect() throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Chan<Integer> a = Chan.make(1);
            Chan<Integer> b = Chan.make(1);
            Chan<Integer> out = Chan.make(1);
            a.send(1);
            b.send(2);
            String r = Select.select(Case.recv(a, v -> "a"), Case.recv(b, v -> "b"), Case.send(out, 3, () -> "out"),
                    Case.otherwise(() -> "default"));
            int changed = (a.len() == 0 ? 1 : 0) + (b.len() == 0 ? 1 : 0) + (out.len() == 1 ? 1 : 0);
            assertEquals(1, changed, "select " + r + " communicated " + changed + " times");
        }
    }

    @Test
    void readyCasesAreChosenUniformly() throws InterruptedException {
        final int trials = 3000;
        Chan<Integer> a = Chan.make(1);
        Chan<Integer> b = Chan.make(1);
        Chan<Integer> c = Chan.make(1);
        int[] counts = new int[3];
        for (int i = 0; i < trials; i++) {
            if (a.len() == 0) a.send(0);
            if (b.len() == 0) b.send(1);
            if (c.len() == 0) c.send(2);
            counts[Select.select(Case.recv(a, v -> v), Case.recv(b, v -> v), Case.recv(c, v -> v))]++;
        }
        for (int k = 0; k < 3; k++) {
            assertTrue(within10Sigma(counts[k], trials, 1.0 / 3),
                    "unfair select: " + counts[0] + ", " + counts[1] + ", " + counts[2]);
        }
    }

    @Test
    void readyCasesAreChosenUniformlyWhereverTheCasesThatAreNotReadyStand() throws InterruptedException {
        // A scan from a random start would pick a (after the run of three empty cases) 2 times in 5.
        final int trials = 4000;
        Chan<Integer> a = Chan.make(1);
        Chan<Integer> b = Chan.make(1);
        Chan<Integer> empty = Chan.make();
        int[] counts = new int[2];
        for (int i = 0; i < trials; i++) {
            if (a.len() == 0) a.send(0);
            if (b.len() == 0) b.send(1);
            counts[Select.select(Case.recv(a, v -> v), Case.recv(empty, v -> 9), Case.recv(empty, v -> 9),
                    Case.recv(empty, v -> 9), Case.recv(b, v -> v))]++;
        }
        assertTrue(within10Sigma(counts[0], trials, 0.5), "unfair select: " + counts[0] + ", " + counts[1]);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSelectOfMoreThanSixteenCasesChoosesUniformlyAndRunsItsDefaultOnlyWhenNoneIsReady() throws InterruptedException {
        final int n = 20;
        final int trials = 4_000;
        java.util.List<Chan<Integer>> chans = new java.util.ArrayList<>();
        Case<Integer>[] cases = new Case[n + 1];
        for (int i = 0; i < n; i++) {
            Chan<Integer> c = Chan.make(1);
            chans.add(c);
            int index = i;
            cases[i] = Case.recv(c, v -> index);
        }
        cases[n] = Case.otherwise(() -> -1);
        assertEquals(-1, Select.select(cases), "default with no case ready");
        for (Chan<Integer> c : chans) c.send(0);
        int[] counts = new int[n];
        for (int t = 0; t < trials; t++) {
            int k = Select.select(cases);
            assertTrue(k >= 0, "default while every case was ready");
            counts[k]++;
            chans.get(k).send(0);
        }
        for (int i = 0; i < n; i++) {
            assertTrue(within10Sigma(counts[i], trials, 1.0 / n), "case " + i + " chosen " + counts[i] + " of " + trials);
        }
    }

    @Test
    void theSameChannelTwiceReceivesOnceAndBothCasesAreChosen() throws InterruptedException {
        final int trials = 1000;
        Chan<Integer> c = Chan.make(1);
        int[] counts = new int[2];
        for (int i = 0; i < trials; i++) {
            c.send(i);
            final int expected = i;
            int k = Select.select(Case.recv(c, v -> {
                assertEquals(expected, v);
                return 0;
            }), Case.recv(c, v -> {
                assertEquals(expected, v);
                return 1;
            }), Case.otherwise(() -> 2));
            assertTrue(k < 2, "default with a value ready");
            counts[k]++;
            assertNull(c.tryRecv(), "the value was received twice, or not at all");
        }
        assertTrue(within10Sigma(counts[0], trials, 0.5), counts[0] + " / " + counts[1]);
    }

    @Test
    void aWaitingSelectFavoursNoneOfItsCasesOnOneChannel() throws Exception {
        final int trials = 200;
        int[] counts = new int[2];
        for (int i = 0; i < trials; i++) {
            Chan<Integer> c = Chan.make();
            CompletableFuture<Integer> chosen = new CompletableFuture<>();
            try (GoroutineScope g = new GoroutineScope()) {
                Thread t = g.go(() -> chosen.complete(Select.select(Case.recv(c, v -> 0), Case.recv(c, v -> 1))));
                awaitParked(t);
                c.send(i);
                g.join();
            }
            counts[chosen.getNow(-1)]++;
        }
        // As TestPseudoRandomSend: each case at least a tenth of the time.
        assertTrue(counts[0] > trials / 10 && counts[1] > trials / 10, counts[0] + " / " + counts[1]);
    }

    @Test
    void selectSendToAParkedReceiverIsReady() throws Exception {
        Chan<Integer> c = Chan.make();
        AtomicReference<Integer> got = new AtomicReference<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> got.set(c.recv()));
            awaitParked(t);
            assertEquals("sent", Select.select(Case.send(c, 9, () -> "sent"), Case.otherwise(() -> "default")));
            g.join();
        }
        assertEquals(9, got.get());
    }

    @Test
    void aSendOnAClosedChannelAmongReadyCasesIsChosenLikeAnyOther() throws InterruptedException {
        Chan<Integer> closed = Chan.make();
        closed.close();
        Chan<Integer> ready = Chan.make(1);
        int threw = 0;
        int received = 0;
        for (int i = 0; i < 400; i++) {
            if (ready.len() == 0) ready.send(i);
            try {
                Select.select(Case.send(closed, 1, () -> "send"), Case.recv(ready, v -> "recv"));
                received++;
            } catch (ChanClosedException e) {
                assertEquals("send on closed channel", e.getMessage());
                threw++;
            }
        }
        assertTrue(threw > 40 && received > 40, "threw " + threw + ", received " + received);
    }

    @Test
    void handlerRunsOnTheSelectingThreadAfterTheCommunication() throws InterruptedException {
        Chan<Integer> c = Chan.make(1);
        c.send(1);
        Thread me = Thread.currentThread();
        int[] lenInHandler = {-1};
        Thread ran = Select.select(Case.recv(c, v -> {
            lenInHandler[0] = c.len();
            return Thread.currentThread();
        }));
        assertSame(me, ran);
        assertEquals(0, lenInHandler[0], "the handler ran before the value was received");
    }

    @Test
    void anExceptionFromAHandlerEscapesAfterTheCommunication() throws InterruptedException {
        Chan<Integer> c = Chan.make(1);
        c.send(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Select.select(Case.recv(c, v -> {
                    throw new IllegalStateException("handler " + v);
                })));
        assertEquals("handler 1", e.getMessage());
        assertEquals(0, c.len());
    }

    @Test
    void aCaseMayBeReused() throws InterruptedException {
        Chan<Integer> c = Chan.make(4);
        Case<Integer> recv = Case.recv(c, v -> v);
        Case<Integer> send = Case.send(c, 7, () -> -1);
        Case<Integer> otherwise = Case.otherwise(() -> -2);
        for (int i = 0; i < 3; i++) assertEquals(-1, (int) Select.select(send, otherwise));
        for (int i = 0; i < 3; i++) assertEquals(7, (int) Select.select(recv, otherwise));
        assertEquals(-2, (int) Select.select(recv, otherwise));
    }

    // ---- Case.after ----

    @Test
    void afterTimesOutWhenNothingIsReady() throws InterruptedException {
        Chan<Integer> never = Chan.make();
        Duration d = Duration.ofMillis(50);
        long start = System.nanoTime();
        assertEquals("timeout", Select.select(Case.recv(never, v -> "recv"), Case.after(d, () -> "timeout")));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= d.toNanos(), "after(50ms) returned after " + elapsed + " ns");
    }

    @Test
    void theEarliestAfterWins() throws InterruptedException {
        assertEquals("short", Select.select(Case.after(Duration.ofHours(1), () -> "long"),
                Case.after(Duration.ofMillis(20), () -> "short"), Case.after(Duration.ofMinutes(1), () -> "middle")));
    }

    @Test
    void aZeroOrNegativeAfterIsReadyAtOnce() throws InterruptedException {
        assertEquals("zero", Select.select(Case.recv(Chan.<Integer>make(), v -> "recv"), Case.after(Duration.ZERO, () -> "zero")));
        assertEquals("neg", Select.select(Case.after(Duration.ofSeconds(-5), () -> "neg")));
        assertEquals("min", Select.select(Case.after(Duration.ofSeconds(Long.MIN_VALUE), () -> "min")));
    }

    @Test
    void aHugeAfterDoesNotFireEarly() throws InterruptedException {
        // time TestOverflowSleep, in select form: a duration that overflows nanoseconds is "forever".
        Chan<Integer> c = Chan.make(1);
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                Thread.sleep(30);
                c.send(1);
            });
            assertEquals("recv", Select.select(Case.after(Duration.ofSeconds(Long.MAX_VALUE), () -> "after"),
                    Case.recv(c, v -> "recv")));
        }
    }

    /**
     * Case.after's javadoc: "A zero or negative delay is ready at once"; Select's: a default runs only if no
     * case was ready. So an after(0) case is ready and the default must not run.
     */
    @Test
    void aZeroAfterIsReadySoTheDefaultDoesNotRun() throws InterruptedException {
        assertEquals("after", Select.select(Case.after(Duration.ZERO, () -> "after"), Case.otherwise(() -> "default")));
    }

    @Test
    void aReadyCaseBeatsALaterAfter() throws InterruptedException {
        Chan<Integer> c = Chan.make(1);
        c.send(1);
        assertEquals("recv", Select.select(Case.after(Duration.ofSeconds(10), () -> "after"), Case.recv(c, v -> "recv")));
    }

    @Test
    void anInterruptedSelectWithAnAfterThrows() throws Exception {
        assertInstanceOf(InterruptedException.class, GoroutineScope.interruptWhenParked(() -> Select.select(
                Case.recv(Chan.<Integer>make(), v -> "recv"), Case.after(Duration.ofHours(1), () -> "after"))));
    }
}
