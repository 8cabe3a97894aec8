package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.EventListeners;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event SPI read the way the race detector reads it: a listener that keeps a vector clock per thread and
 * per (sync, slot), exactly as {@link EventListener}'s javadoc describes, must derive every happens-before
 * edge of Go's memory model from what the channels report, on every path (direct handoff, buffer, a blocked
 * sender moved into the buffer, select, close, goroutine start).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VectorClockTest {

    /** A vector clock: thread id to epoch. */
    static final class Clock {
        final Map<Long, Long> c = new HashMap<>();

        long get(long tid) {
            return c.getOrDefault(tid, 0L);
        }

        void join(Clock o) {
            o.c.forEach((k, v) -> c.merge(k, v, Math::max));
        }

        Clock copy() {
            Clock k = new Clock();
            k.c.putAll(c);
            return k;
        }
    }

    record Key(Object sync, long slot) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.sync == sync && k.slot == slot;
        }
        @Override public int hashCode() {
            return System.identityHashCode(sync) * 31 + Long.hashCode(slot);
        }
    }

    /** The detector's model: C_t per thread, L_s per (sync, slot); release joins C_t into L_s and ticks t. */
    static final class Detector implements EventListener {
        final ConcurrentHashMap<Thread, Clock> threads = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Key, Clock> syncs = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Thread, Clock> forChild = new ConcurrentHashMap<>();

        Clock mine() {
            Thread t = Thread.currentThread();
            return threads.computeIfAbsent(t, x -> {
                Clock c = new Clock();
                c.c.put(t.threadId(), 1L);
                return c;
            });
        }

        void tick(Clock c) {
            c.c.merge(Thread.currentThread().threadId(), 1L, Long::sum);
        }

        /** This thread's own epoch now. */
        long epoch() {
            return mine().get(Thread.currentThread().threadId());
        }

        /** Whether this thread has seen thread {@code tid}'s actions up to {@code epoch}. */
        boolean sees(long tid, long epoch) {
            return mine().get(tid) >= epoch;
        }

        @Override public void release(Object sync, long slot) {
            Clock me = mine();
            Clock l = syncs.computeIfAbsent(new Key(sync, slot), k -> new Clock());
            synchronized (l) {
                l.join(me);
            }
            tick(me);
        }

        @Override public void acquire(Object sync, long slot) {
            Clock l = syncs.get(new Key(sync, slot));
            if (l == null) return;
            Clock me = mine();
            synchronized (l) {
                me.join(l);
            }
        }

        @Override public void transfer(Object from, long fromSlot, Object to, long toSlot) {
            Clock f = syncs.get(new Key(from, fromSlot));
            if (f == null) return;
            Clock copy;
            synchronized (f) {
                copy = f.copy();
            }
            Clock t = syncs.computeIfAbsent(new Key(to, toSlot), k -> new Clock());
            synchronized (t) {
                t.join(copy);
            }
        }

        @Override public void goroutineCreated(Thread child) {
            Clock me = mine();
            forChild.put(child, me.copy());
            tick(me);
        }

        @Override public void goroutineStarted() {
            Clock parent = forChild.remove(Thread.currentThread());
            if (parent != null) mine().join(parent);
        }
    }

    /** A message that says who sent it and that sender's epoch just before the send. */
    record Msg(long tid, long epoch) {}

    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void everySendHappensBeforeItsReceive(ChanKind kind) throws Exception {
        Detector d = new Detector();
        Chan<Msg> c = kind.make();
        final int producers = 2;
        final int perProducer = 3_000;
        AtomicInteger violations = new AtomicInteger();
        StringBuffer firstViolation = new StringBuffer();
        try (AutoCloseable reg = EventListeners.register(d); GoroutineScope g = new GoroutineScope()) {
            Chan<Boolean> done = Chan.make(producers);
            for (int p = 0; p < producers; p++) {
                g.go(() -> {
                    long tid = Thread.currentThread().threadId();
                    for (int i = 0; i < perProducer; i++) c.send(new Msg(tid, d.epoch()));
                    done.send(true);
                });
            }
            for (int k = 0; k < 2; k++) {
                g.go(() -> {
                    for (Msg m : c) {
                        if (!d.sees(m.tid, m.epoch) && violations.getAndIncrement() == 0) {
                            firstViolation.append("receive did not see its send: " + m + " kind " + kind);
                        }
                    }
                });
            }
            for (int p = 0; p < producers; p++) done.recv();
            c.close();
            g.join();
        }
        assertEquals(0, violations.get(), firstViolation.toString());
    }

    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void theKthReceiveHappensBeforeTheCompletionOfTheKPlusCthSend(ChanKind kind) throws Exception {
        Detector d = new Detector();
        Chan<Integer> c = kind.make();
        final int n = 5_000;
        long[] receiverEpochs = new long[n + 1]; // the receiver's epoch just before its k-th receive
        long[] receiverTid = new long[1];
        try (AutoCloseable reg = EventListeners.register(d); GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                receiverTid[0] = Thread.currentThread().threadId();
                for (int k = 1; k <= n; k++) {
                    receiverEpochs[k] = d.epoch();
                    c.recv();
                }
            });
            Thread.yield();
            for (int s = 1; s <= n; s++) {
                c.send(s);
                int k = s - kind.capacity;
                if (k >= 1) {
                    // The receiver has certainly done receive k (the channel guarantees it); the detector must know.
                    assertTrue(d.sees(receiverTid[0], receiverEpochs[k]),
                            kind + ": receive " + k + " does not happen-before the completion of send " + s);
                }
            }
            g.join();
        }
    }

    @Test
    void selectsCloseAndGoroutineStartCarryTheirEdges() throws Exception {
        Detector d = new Detector();
        try (AutoCloseable reg = EventListeners.register(d); GoroutineScope g = new GoroutineScope()) {
            // go: the parent's actions before Go.go are seen by the child.
            long parentTid = Thread.currentThread().threadId();
            long beforeGo = d.epoch();
            Chan<Boolean> childSaw = Chan.make(1);
            g.go(() -> childSaw.send(d.sees(parentTid, beforeGo)));
            assertTrue(childSaw.recv(), "Go.go does not happen-before the goroutine's start");

            // select send -> plain receive, and plain send -> select receive, on both kinds of channel.
            for (ChanKind kind : ChanKind.values()) {
                Chan<Msg> a = kind.make();
                Chan<Msg> b = kind.make();
                Chan<Boolean> ok = Chan.make(4);
                g.go(() -> {
                    long tid = Thread.currentThread().threadId();
                    for (int i = 0; i < 200; i++) {
                        Msg m = new Msg(tid, d.epoch());
                        Select.select(Case.send(a, m, () -> null), Case.send(b, m, () -> null));
                    }
                });
                boolean all = true;
                for (int i = 0; i < 200; i++) {
                    Msg m = i % 2 == 0 ? Select.select(Case.recv(a, v -> v), Case.recv(b, v -> v))
                            : Select.select(Case.recv(a, v -> v), Case.recv(b, v -> v), Case.recv(Chan.<Msg>make(), v -> v));
                    all &= d.sees(m.tid, m.epoch);
                }
                ok.send(all);
                assertTrue(ok.recv(), kind + ": a select's communication carries no edge");
            }

            // close -> a receive (plain or select) that observes it, also one woken by the close.
            for (int i = 0; i < 100; i++) {
                Chan<Integer> c = Chan.make(i % 2);
                long[] closerEpoch = new long[1];
                long[] closerTid = new long[1];
                Chan<Boolean> result = Chan.make(1);
                final boolean plain = i % 4 < 2;
                Thread waiter = g.go(() -> {
                    Received<Integer> r = plain ? c.recvOk()
                            : Select.select(Case.recvOk(c, (v, okk) -> new Received<>(v, okk)));
                    result.send(!r.ok() && d.sees(closerTid[0], closerEpoch[0]));
                });
                if (i % 3 == 0) GoroutineScope.awaitParked(waiter);
                closerTid[0] = Thread.currentThread().threadId();
                closerEpoch[0] = d.epoch();
                c.close();
                assertTrue(result.recv(), "round " + i + ": close does not happen-before the receive that sees it");
            }
            g.join();
        }
    }

    /**
     * Go orders a buffered channel's receive before the (k+C)-th send only: a sender that hands its value
     * to a parked receiver must not see the receiver's earlier actions (the race detector would miss a
     * race), while the (1+C)-th send must (else it would report a false one).
     */
    @ParameterizedTest
    @EnumSource(value = ChanKind.class, names = {"BUFFERED_1", "BUFFERED_N"})
    void aSenderThatWakesAParkedReceiverDoesNotSeeIt(ChanKind kind) throws Exception {
        for (boolean viaSelect : new boolean[] {false, true}) {
            Detector d = new Detector();
            Chan<Integer> c = kind.make();
            long[] receiver = new long[2]; // tid, epoch just before its receive
            try (AutoCloseable reg = EventListeners.register(d); GoroutineScope g = new GoroutineScope()) {
                Thread r = g.go(() -> {
                    receiver[0] = Thread.currentThread().threadId();
                    receiver[1] = d.epoch();
                    c.recv();
                });
                GoroutineScope.awaitParked(r);
                if (viaSelect) {
                    Select.select(Case.send(c, 1, () -> null), Case.recv(Chan.<Integer>make(), v -> null));
                } else {
                    c.send(1);
                }
                assertFalse(d.sees(receiver[0], receiver[1]),
                        kind + (viaSelect ? " select" : "") + ": the send that woke a parked receiver sees it");
                r.join();
                for (int s = 2; s <= kind.capacity; s++) {
                    c.send(s);
                    assertFalse(d.sees(receiver[0], receiver[1]), kind + ": send " + s + " sees receive 1");
                }
                c.send(kind.capacity + 1);
                assertTrue(d.sees(receiver[0], receiver[1]),
                        kind + ": receive 1 does not happen-before the completion of send " + (kind.capacity + 1));
                g.join();
            }
        }
    }

    /** The receive that frees a slot for a parked sender pairs with an earlier send: it must not see that sender. */
    @ParameterizedTest
    @EnumSource(value = ChanKind.class, names = {"BUFFERED_1", "BUFFERED_N"})
    void aReceiverThatMovesAParkedSenderIntoTheBufferDoesNotSeeIt(ChanKind kind) throws Exception {
        Detector d = new Detector();
        Chan<Integer> c = kind.make();
        for (int i = 1; i <= kind.capacity; i++) c.send(i);
        long[] sender = new long[2];
        try (AutoCloseable reg = EventListeners.register(d); GoroutineScope g = new GoroutineScope()) {
            Thread s = g.go(() -> {
                sender[0] = Thread.currentThread().threadId();
                sender[1] = d.epoch();
                c.send(kind.capacity + 1);
            });
            GoroutineScope.awaitParked(s);
            for (int k = 1; k <= kind.capacity; k++) {
                assertEquals(k, c.recv());
                assertFalse(d.sees(sender[0], sender[1]), kind + ": receive " + k + " sees the parked send " + (kind.capacity + 1));
            }
            assertEquals(kind.capacity + 1, c.recv());
            assertTrue(d.sees(sender[0], sender[1]), kind + ": the parked send does not happen-before its receive");
            g.join();
        }
    }
}
