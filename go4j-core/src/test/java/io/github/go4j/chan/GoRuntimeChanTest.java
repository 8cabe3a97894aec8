package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's src/runtime/chan_test.go, test by test, with Go's numbers (its {@code -short} numbers where noted; see
 * {@link GoTestSize}). Where Go sleeps "to make sure goroutine A is queued first", these wait until the
 * goroutine is parked.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoRuntimeChanTest {

    /** chan_test.go TestChan (N = 200, -short 20). */
    @Test
    void testChan() throws Exception {
        int n = GoTestSize.pick(200, 20);
        for (int chanCap = 0; chanCap < n; chanCap++) {
            final int cap = chanCap;
            try (GoroutineScope g = new GoroutineScope()) {
                // Ensure that receive from empty chan blocks.
                Chan<Integer> c = Chan.make(cap);
                AtomicBoolean recv1 = new AtomicBoolean();
                AtomicBoolean recv2 = new AtomicBoolean();
                Thread r1 = g.go(() -> {
                    c.recv();
                    recv1.set(true);
                });
                Thread r2 = g.go(() -> {
                    c.recvOk();
                    recv2.set(true);
                });
                awaitParked(r1, r2);
                assertFalse(recv1.get() || recv2.get(), "chan[" + cap + "]: receive from empty chan");
                // Ensure that non-blocking receive does not block.
                assertEquals("default", Select.select(Case.recv(c, v -> "recv"), Case.otherwise(() -> "default")),
                        "chan[" + cap + "]: receive from empty chan");
                assertEquals("default", Select.select(Case.recvOk(c, (v, ok) -> "recv"), Case.otherwise(() -> "default")),
                        "chan[" + cap + "]: receive from empty chan");
                c.send(0);
                c.send(0);
                g.join();
            }
            try (GoroutineScope g = new GoroutineScope()) {
                // Ensure that send to full chan blocks.
                Chan<Integer> c = Chan.make(cap);
                for (int i = 0; i < cap; i++) c.send(i);
                AtomicInteger sent = new AtomicInteger();
                Thread s = g.go(() -> {
                    c.send(0);
                    sent.set(1);
                });
                awaitParked(s);
                assertEquals(0, sent.get(), "chan[" + cap + "]: send to full chan");
                // Ensure that non-blocking send does not block.
                assertEquals("default", Select.select(Case.send(c, 0, () -> "sent"), Case.otherwise(() -> "default")),
                        "chan[" + cap + "]: send to full chan");
                c.recv();
                g.join();
            }
            {
                // Ensure that we receive 0 (here: null) from closed chan.
                Chan<Integer> c = Chan.make(cap);
                for (int i = 0; i < cap; i++) c.send(i);
                c.close();
                for (int i = 0; i < cap; i++) assertEquals(i, c.recv(), "chan[" + cap + "]");
                assertNull(c.recv(), "chan[" + cap + "]");
                assertEquals(new Received<>(null, false), c.recvOk(), "chan[" + cap + "]");
            }
            try (GoroutineScope g = new GoroutineScope()) {
                // Ensure that close unblocks receive.
                Chan<Integer> c = Chan.make(cap);
                Chan<Boolean> done = Chan.make();
                Thread r = g.go(() -> {
                    Received<Integer> rv = c.recvOk();
                    done.send(rv.value() == null && !rv.ok());
                });
                awaitParked(r);
                c.close();
                assertTrue(done.recv(), "chan[" + cap + "]: received non zero from closed chan");
                g.join();
            }
            try (GoroutineScope g = new GoroutineScope()) {
                // Send 100 integers, ensure that we receive them non-corrupted in FIFO order.
                Chan<Integer> c = Chan.make(cap);
                g.go(() -> {
                    for (int i = 0; i < 100; i++) c.send(i);
                });
                for (int i = 0; i < 100; i++) assertEquals(i, c.recv(), "chan[" + cap + "]");
                // Same, but using recv2.
                g.go(() -> {
                    for (int i = 0; i < 100; i++) c.send(i);
                });
                for (int i = 0; i < 100; i++) {
                    Received<Integer> rv = c.recvOk();
                    assertTrue(rv.ok(), "chan[" + cap + "]: receive failed, expected " + i);
                    assertEquals(i, rv.value(), "chan[" + cap + "]");
                }
                // Send 1000 integers in 4 goroutines, ensure that we receive what we send.
                final int p = 4;
                final int l = 1000;
                for (int k = 0; k < p; k++) {
                    g.go(() -> {
                        for (int i = 0; i < l; i++) c.send(i);
                    });
                }
                Chan<Map<Integer, Integer>> done = Chan.make();
                for (int k = 0; k < p; k++) {
                    g.go(() -> {
                        Map<Integer, Integer> recv = new HashMap<>();
                        for (int i = 0; i < l; i++) recv.merge(c.recv(), 1, Integer::sum);
                        done.send(recv);
                    });
                }
                Map<Integer, Integer> recv = new HashMap<>();
                for (int k = 0; k < p; k++) done.recv().forEach((key, v) -> recv.merge(key, v, Integer::sum));
                assertEquals(l, recv.size(), "chan[" + cap + "]: received values");
                for (int v : recv.values()) assertEquals(p, v, "chan[" + cap + "]: received values");
                g.join();
            }
            {
                // Test len/cap.
                Chan<Integer> c = Chan.make(cap);
                assertEquals(0, c.len());
                assertEquals(cap, c.cap());
                for (int i = 0; i < cap; i++) c.send(i);
                assertEquals(cap, c.len());
                assertEquals(cap, c.cap());
            }
        }
    }

    /** chan_test.go TestNonblockRecvRace (n = 10000, -short 100). */
    @Test
    void testNonblockRecvRace() throws Exception {
        int n = 10_000;
        try (GoroutineScope g = new GoroutineScope()) {
            for (int i = 0; i < n; i++) {
                Chan<Integer> c = Chan.make(1);
                c.send(1);
                g.go(() -> {
                    String r = Select.select(Case.recv(c, v -> "recv"), Case.otherwise(() -> "default"));
                    if (!r.equals("recv")) throw new AssertionError("chan is not ready");
                });
                c.close();
                c.recv();
                if (i % 1000 == 999) g.rethrow();
            }
            g.join();
        }
    }

    /**
     * chan_test.go TestNonblockSelectRace: select acts on the state of the channels at one moment, not over a
     * smeared time window (n = 100000, -short 1000; here 10000, Go's full number with go4j.test.long).
     */
    @Test
    void testNonblockSelectRace() throws Exception {
        nonblockSelectRace(false);
    }

    /** chan_test.go TestNonblockSelectRace2: the same with close(c2) in place of c2 <- 1. */
    @Test
    void testNonblockSelectRace2() throws Exception {
        nonblockSelectRace(true);
    }

    private static void nonblockSelectRace(boolean closeC2) throws Exception {
        int n = GoTestSize.pick(100_000, 10_000);
        Chan<Boolean> done = Chan.make(1);
        try (GoroutineScope g = new GoroutineScope()) {
            for (int i = 0; i < n; i++) {
                Chan<Integer> c1 = Chan.make(1);
                Chan<Integer> c2 = closeC2 ? Chan.make() : Chan.make(1);
                c1.send(1);
                g.go(() -> done.send(Select.select(
                        Case.recv(c1, v -> true), Case.recv(c2, v -> true), Case.otherwise(() -> false))));
                if (closeC2) c2.close();
                else c2.send(1);
                Select.select(Case.recv(c1, v -> null), Case.otherwise(() -> null));
                if (!done.recv()) fail("no chan is ready (iteration " + i + ")");
            }
            g.join();
        }
    }

    /** chan_test.go TestSelfSelect: send and receive on the same channel in one select neither crash nor deadlock. */
    @Test
    void testSelfSelect() throws Exception {
        for (int chanCap : new int[] {0, 10}) {
            Chan<Integer> c = Chan.make(chanCap);
            try (GoroutineScope g = new GoroutineScope()) {
                for (int p = 0; p < 2; p++) {
                    final int pp = p;
                    g.go(() -> {
                        for (int i = 0; i < 1000; i++) {
                            Integer v;
                            if (pp == 0 || i % 2 == 0) {
                                v = Select.select(Case.send(c, pp, () -> null), Case.recv(c, x -> x));
                            } else {
                                v = Select.select(Case.recv(c, x -> x), Case.send(c, pp, () -> null));
                            }
                            if (chanCap == 0 && v != null && v == pp) throw new AssertionError("self receive");
                        }
                    });
                }
                g.join();
            }
        }
    }

    /** chan_test.go TestSelectStress (N = 1e5, -short 1e4). */
    @Test
    void testSelectStress() throws Exception {
        @SuppressWarnings("unchecked")
        Chan<Integer>[] c = new Chan[] {Chan.make(), Chan.make(), Chan.make(2), Chan.make(3)};
        int n = GoTestSize.pick(100_000, 10_000);
        // 4 goroutines send N values on each of the chans, 4 receive N values on each,
        // 1 sends N values on each in a single select, 1 receives N values on each in a single select.
        try (GoroutineScope g = new GoroutineScope()) {
            for (int k = 0; k < 4; k++) {
                final int kk = k;
                g.go(() -> {
                    for (int i = 0; i < n; i++) c[kk].send(0);
                });
                g.go(() -> {
                    for (int i = 0; i < n; i++) c[kk].recv();
                });
            }
            g.go(() -> {
                int[] count = new int[4];
                Chan<Integer>[] c1 = c.clone();
                for (int i = 0; i < 4 * n; i++) {
                    int k = Select.select(Case.send(c1[3], 0, () -> 3), Case.send(c1[2], 0, () -> 2),
                            Case.send(c1[0], 0, () -> 0), Case.send(c1[1], 0, () -> 1));
                    if (++count[k] == n) c1[k] = null;
                }
            });
            g.go(() -> {
                int[] count = new int[4];
                Chan<Integer>[] c1 = c.clone();
                for (int i = 0; i < 4 * n; i++) {
                    int k = Select.select(Case.recv(c1[0], v -> 0), Case.recv(c1[1], v -> 1),
                            Case.recv(c1[2], v -> 2), Case.recv(c1[3], v -> 3));
                    if (++count[k] == n) c1[k] = null;
                }
            });
            g.join();
        }
        for (Chan<Integer> ch : c) assertEquals(0, ch.len());
    }

    /** chan_test.go TestSelectFairness: 10000 trials, no more than 10 sigma away from even. */
    @Test
    void testSelectFairness() throws Exception {
        final int trials = 10_000;
        Chan<Byte> c1 = Chan.make(trials + 1);
        Chan<Byte> c2 = Chan.make(trials + 1);
        for (int i = 0; i < trials + 1; i++) {
            c1.send((byte) 1);
            c2.send((byte) 2);
        }
        Chan<Byte> c3 = Chan.make();
        Chan<Byte> c4 = Chan.make();
        Chan<Byte> out = Chan.make();
        Chan<Byte> done = Chan.make();
        int cnt1 = 0;
        int cnt2 = 0;
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                while (true) {
                    byte b = Select.select(Case.recv(c3, v -> v), Case.recv(c4, v -> v),
                            Case.recv(c1, v -> v), Case.recv(c2, v -> v));
                    boolean stop = Select.select(Case.send(out, b, () -> false), Case.recv(done, v -> true));
                    if (stop) return;
                }
            });
            for (int i = 0; i < trials; i++) {
                byte b = out.recv();
                switch (b) {
                    case 1 -> cnt1++;
                    case 2 -> cnt2++;
                    default -> fail("unexpected value " + b + " on channel");
                }
            }
            done.close();
            g.join();
        }
        double mean = trials * 0.5;
        double stddev = Math.sqrt(trials * 0.5 * (1 - 0.5));
        assertTrue(Math.abs(cnt1 - mean) <= 10 * stddev,
                "unfair select: in " + trials + " trials, results were " + cnt1 + ", " + cnt2);
    }

    /** chan_test.go TestChanSendInterface: selects sending a reference on a full channel take the default. */
    @Test
    void testChanSendInterface() throws InterruptedException {
        record Mt() {}
        Mt m = new Mt();
        Chan<Object> c = Chan.make(1);
        c.send(m);
        assertEquals("default", Select.select(Case.send(c, m, () -> "sent"), Case.otherwise(() -> "default")));
        assertEquals("default", Select.select(Case.send(c, m, () -> "sent"), Case.send(c, new Mt(), () -> "sent2"),
                Case.otherwise(() -> "default")));
        assertEquals(1, c.len());
        assertEquals(m, c.recv());
    }

    /** chan_test.go TestPseudoRandomSend: a select of two sends on one channel picks both (n = 100, caps 0 and n). */
    @Test
    void testPseudoRandomSend() throws Exception {
        final int n = 100;
        for (int chanCap : new int[] {0, n}) {
            Chan<Integer> c = Chan.make(chanCap);
            int[] l = new int[n];
            Chan<Boolean> done = Chan.make();
            try (GoroutineScope g = new GoroutineScope()) {
                g.go(() -> {
                    for (int i = 0; i < n; i++) {
                        Thread.yield();
                        l[i] = c.recv();
                    }
                    done.close();
                });
                for (int i = 0; i < n; i++) {
                    Select.select(Case.send(c, 1, () -> null), Case.send(c, 0, () -> null));
                }
                done.recv();
                g.join();
            }
            int n0 = 0;
            int n1 = 0;
            for (int i : l) {
                n0 += (i + 1) % 2;
                n1 += i;
            }
            assertTrue(n0 > n / 10 && n1 > n / 10,
                    "Want pseudorandom, got " + n0 + " zeros and " + n1 + " ones (chan cap " + chanCap + ")");
        }
    }

    /** chan_test.go TestMultiConsumer: 23 workers ranging over a queue, 271828 items, sum and count checked. */
    @Test
    void testMultiConsumer() throws Exception {
        final int nwork = 23;
        final int niter = 271_828;
        final int[] pn = {2, 3, 7, 11, 13, 17, 19, 23, 27, 31};
        Chan<Integer> q = Chan.make(nwork * 3);
        Chan<Integer> r = Chan.make(nwork * 3);
        long[] expect = new long[1]; // written by the feeder, read here after r is closed: close happens-before
        int n = 0;
        long s = 0;
        try (GoroutineScope g = new GoroutineScope()) {
            Thread[] workers = new Thread[nwork];
            for (int i = 0; i < nwork; i++) {
                final int w = i;
                workers[i] = g.go(() -> {
                    for (int v : q) {
                        // mess with the fifo-ish nature of range
                        if (pn[w % pn.length] == v) Thread.yield();
                        r.send(v);
                    }
                });
            }
            // feeder & closer
            g.go(() -> {
                for (int i = 0; i < niter; i++) {
                    int v = pn[i % pn.length];
                    expect[0] += v;
                    q.send(v);
                }
                q.close(); // no more work
                for (Thread t : workers) t.join(); // workers done
                r.close(); // ... so there can be no more results
            });
            // consume & check
            for (int v : r) {
                n++;
                s += v;
            }
            g.join();
        }
        assertEquals(niter, n, "items seen");
        assertEquals(expect[0], s, "sum");
    }

    /** chan_test.go TestShrinkStackDuringBlockedSend: channel operations still work when a blocked sender's stack is moved by GC. */
    @Test
    void testShrinkStackDuringBlockedSend() throws Exception {
        final int n = 10;
        Chan<Integer> c = Chan.make();
        Chan<Boolean> done = Chan.make();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread sender = g.go(() -> {
                for (int i = 0; i < n; i++) {
                    c.send(i);
                    stackGrowthRecursive(20); // use lots of stack, briefly
                }
                done.send(true);
            });
            for (int i = 0; i < n; i++) {
                assertEquals(i, c.recv(), "bad channel read");
                awaitParked(sender); // let the sender finish using lots of stack and block in send
                System.gc();         // a parked virtual thread's stack lives in the heap: GC moves it
            }
            done.recv();
            g.join();
        }
    }

    private static int stackGrowthRecursive(int i) {
        long[] pad = new long[128];
        if (i != 0 && pad[0] == 0) return stackGrowthRecursive(i - 1) + (int) pad[1];
        return 0;
    }

    /** chan_test.go TestSelectDuplicateChannel: a goroutine can be queued on the same channel several times. */
    @Test
    void testSelectDuplicateChannel() throws Exception {
        Chan<Integer> c = Chan.make();
        Chan<Integer> d = Chan.make();
        Chan<Integer> e = Chan.make();
        AtomicInteger bGot = new AtomicInteger();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread a = g.go(() -> {
                Select.select(Case.recv(c, v -> "c1"), Case.recv(c, v -> "c2"), Case.recv(d, v -> "d"));
                e.send(9);
            });
            awaitParked(a); // A is queued first on c
            Thread b = g.go(() -> bGot.set(c.recv()));
            awaitParked(b); // B is queued on c before continuing
            d.send(7);      // wakes A, which dequeues itself from c (this used to corrupt c.recvq)
            assertEquals(9, e.recv()); // A is done
            c.send(8);      // wakes B (this used to wake the already running A instead)
            g.join();
        }
        assertEquals(8, bGot.get());
    }

    /** chan_test.go TestSelectStackAdjust: selects blocked across a GC, one with duplicated cases, are woken by close(d). */
    @Test
    void testSelectStackAdjust() throws Exception {
        Chan<int[]> c = Chan.make();
        Chan<int[]> d = Chan.make();
        Chan<Boolean> ready1 = Chan.make();
        Chan<Boolean> ready2 = Chan.make();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread[] ts = new Thread[2];
            for (int k = 0; k < 2; k++) {
                final boolean dup = k == 1;
                final Chan<Boolean> ready = dup ? ready2 : ready1;
                ts[k] = g.go(() -> {
                    stackGrowthRecursive((10 << 10) / (128 * 8));
                    ready.send(true);
                    int[] val = {42};
                    Chan<int[]> c2 = dup ? c : null;
                    Chan<int[]> d2 = dup ? d : null;
                    // Receive from d. val won't be affected.
                    int[] cx = Select.select(Case.recv(c, v -> v), Case.recv(c2, v -> v),
                            Case.recvOk(d, (v, ok) -> ok ? v : val), Case.recvOk(d2, (v, ok) -> ok ? v : val));
                    if (cx != val) throw new AssertionError("cx no longer points to val");
                    if (val[0] != 42) throw new AssertionError("val changed");
                    cx[0] = 43;
                    if (val[0] != 43) throw new AssertionError("changing *cx failed to change val");
                    ready.send(true);
                });
            }
            ready1.recv();
            ready2.recv();
            awaitParked(ts);
            System.gc();
            d.close(); // wake the selects
            ready1.recv();
            ready2.recv();
            g.join();
        }
        assertNull(c.tryRecv());
    }
}
