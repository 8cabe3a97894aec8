package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.PanicHandler;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.EventListeners;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event SPI as channels and goroutines report to it: release/acquire pairs on the same (sync, slot) for
 * every happens-before edge of the memory model, block/unblock around parking, and the goroutine lifecycle.
 * The tests do not assume which object a channel uses as {@code sync}; they check that the releasing and the
 * acquiring side name the same pair, in that order.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventsTest {

    enum Kind { RELEASE, ACQUIRE, BLOCKED, UNBLOCKED, CREATED, STARTED, ENDED }

    record Event(long seq, Thread thread, String phase, Kind kind, Object sync, long slot, Object detail) {
        boolean sameKey(Event o) {
            return sync == o.sync && slot == o.slot;
        }
    }

    /** Records every event with a global sequence number and the phase the test was in. */
    static final class Recorder implements EventListener {
        final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
        final AtomicLong seq = new AtomicLong();
        volatile String phase = "";

        private void add(Kind kind, Object sync, long slot, Object detail) {
            events.add(new Event(seq.incrementAndGet(), Thread.currentThread(), phase, kind, sync, slot, detail));
        }

        @Override public void goroutineCreated(Thread child) { add(Kind.CREATED, null, 0, child); }
        @Override public void goroutineStarted() { add(Kind.STARTED, null, 0, null); }
        @Override public void goroutineEnded(Throwable panic) { add(Kind.ENDED, null, 0, panic); }
        @Override public void release(Object sync, long slot) { add(Kind.RELEASE, sync, slot, null); }
        @Override public void acquire(Object sync, long slot) { add(Kind.ACQUIRE, sync, slot, null); }
        @Override public void blocked(Object on, String waitReason) { add(Kind.BLOCKED, on, 0, waitReason); }
        @Override public void unblocked(Object on) { add(Kind.UNBLOCKED, on, 0, null); }

        List<Event> where(Predicate<Event> p) {
            return events.stream().filter(p).toList();
        }

        /** True if some release by {@code from} is followed by an acquire of the same (sync, slot) by {@code to}. */
        boolean edge(Predicate<Event> from, Predicate<Event> to) {
            List<Event> releases = where(e -> e.kind == Kind.RELEASE && from.test(e));
            List<Event> acquires = where(e -> e.kind == Kind.ACQUIRE && to.test(e));
            for (Event r : releases) {
                for (Event a : acquires) {
                    if (r.sameKey(a) && r.seq < a.seq) return true;
                }
            }
            return false;
        }

        String dump() {
            StringBuilder sb = new StringBuilder();
            for (Event e : events) {
                sb.append('\n').append(e.seq).append(' ').append(e.thread.getName().isEmpty() ? "#" + e.thread.threadId() : e.thread.getName())
                        .append(" [").append(e.phase).append("] ").append(e.kind).append(' ')
                        .append(e.sync == null ? "" : e.sync.getClass().getSimpleName() + "@" + System.identityHashCode(e.sync))
                        .append(" slot=").append(e.slot).append(' ').append(Objects.toString(e.detail, ""));
            }
            return sb.toString();
        }
    }

    private static Predicate<Event> on(Thread t) {
        return e -> e.thread == t;
    }

    private static Predicate<Event> in(String phase) {
        return e -> e.phase.equals(phase);
    }

    @Test
    void unbufferedSendAndReceiveReleaseAndAcquireBothWays() throws Exception {
        for (boolean senderFirst : new boolean[] {true, false}) {
            Recorder rec = new Recorder();
            Chan<Integer> c = Chan.make();
            Thread me = Thread.currentThread();
            try (AutoCloseable reg = EventListeners.register(rec); GoroutineScope g = new GoroutineScope()) {
                Thread sender;
                if (senderFirst) {
                    sender = g.go(() -> c.send(1));
                    awaitParked(sender);
                    assertEquals(1, c.recv());
                } else {
                    Chan<Boolean> go = Chan.make(1);
                    sender = g.go(() -> {
                        go.recv();
                        awaitParked(me);
                        c.send(1);
                    });
                    go.send(true);
                    assertEquals(1, c.recv());
                }
                g.join();
                String where = (senderFirst ? "sender parked first" : "receiver parked first") + rec.dump();
                assertTrue(rec.edge(on(sender), on(me)), "send -> receive edge missing; " + where);
                assertTrue(rec.edge(on(me), on(sender)), "receive -> send completion edge missing (unbuffered); " + where);
            }
        }
    }

    @Test
    void bufferedChannelEdgesAreOnTheirSlotsAndCloseOnCloseSlot() throws Exception {
        Recorder rec = new Recorder();
        Chan<Integer> c = Chan.make(2);
        Thread me = Thread.currentThread();
        try (AutoCloseable reg = EventListeners.register(rec)) {
            rec.phase = "send1";
            c.send(1);
            rec.phase = "send2";
            c.send(2);
            rec.phase = "recv1";
            c.recv();
            rec.phase = "send3";
            c.send(3);
            rec.phase = "recv2";
            c.recv();
            rec.phase = "recv3";
            c.recv();
            rec.phase = "close";
            c.close();
            rec.phase = "recvClosed";
            assertEquals(new Received<>(null, false), c.recvOk());
            rec.phase = "";
        }
        String dump = rec.dump();
        Predicate<Event> mine = on(me);
        assertTrue(rec.edge(mine.and(in("send1")), mine.and(in("recv1"))), "send 1 -> receive 1" + dump);
        assertTrue(rec.edge(mine.and(in("send2")), mine.and(in("recv2"))), "send 2 -> receive 2" + dump);
        assertTrue(rec.edge(mine.and(in("send3")), mine.and(in("recv3"))), "send 3 -> receive 3" + dump);
        assertTrue(rec.edge(mine.and(in("recv1")), mine.and(in("send3"))),
                "receive 1 -> completion of send 1+C (C = 2)" + dump);
        List<Event> closeReleases = rec.where(mine.and(in("close")).and(e -> e.kind == Kind.RELEASE && e.slot == EventListener.CLOSE_SLOT));
        assertEquals(1, closeReleases.size(), "close releases CLOSE_SLOT once" + dump);
        List<Event> closedAcquires = rec.where(mine.and(in("recvClosed")).and(e -> e.kind == Kind.ACQUIRE && e.slot == EventListener.CLOSE_SLOT));
        assertFalse(closedAcquires.isEmpty(), "a receive observing close acquires CLOSE_SLOT" + dump);
        assertSame(closeReleases.get(0).sync, closedAcquires.get(0).sync, "close and closed receive on one sync object");
    }

    @Test
    void aReceiveWokenByCloseAcquiresTheCloseSlot() throws Exception {
        Recorder rec = new Recorder();
        Chan<Integer> c = Chan.make();
        try (AutoCloseable reg = EventListeners.register(rec); GoroutineScope g = new GoroutineScope()) {
            Thread r = g.go(c::recvOk);
            awaitParked(r);
            c.close();
            g.join();
            Thread me = Thread.currentThread();
            assertTrue(rec.where(on(me).and(e -> e.kind == Kind.RELEASE && e.slot == EventListener.CLOSE_SLOT)).size() == 1,
                    rec.dump());
            assertTrue(rec.edge(on(me).and(e -> e.slot == EventListener.CLOSE_SLOT), on(r)),
                    "close -> woken receive edge on CLOSE_SLOT" + rec.dump());
        }
    }

    @Test
    void blockingIsReportedWithGoWaitReasons() throws Exception {
        Recorder rec = new Recorder();
        Chan<Integer> empty = Chan.make();
        Chan<Integer> full = Chan.make(1);
        full.send(0);
        try (AutoCloseable reg = EventListeners.register(rec); GoroutineScope g = new GoroutineScope()) {
            Thread receiver = g.go(empty::recv);
            Thread sender = g.go(() -> full.send(1));
            Thread selector = g.go(() -> Select.select(Case.recv(Chan.<Integer>make(), v -> 0), Case.recv(empty, v -> 1)));
            awaitParked(receiver, sender, selector);
            assertTrue(has(rec, receiver, Kind.BLOCKED, "chan receive"), "recv: blocked(\"chan receive\")" + rec.dump());
            assertTrue(has(rec, sender, Kind.BLOCKED, "chan send"), "send: blocked(\"chan send\")" + rec.dump());
            assertTrue(has(rec, selector, Kind.BLOCKED, "select"), "select: blocked(\"select\")" + rec.dump());
            empty.send(1);
            empty.send(2);
            full.recv();
            g.join();
            for (Thread t : List.of(receiver, sender, selector)) {
                assertTrue(rec.where(on(t).and(e -> e.kind == Kind.UNBLOCKED)).size() >= 1, "unblocked missing" + rec.dump());
            }
        }
    }

    private static boolean has(Recorder rec, Thread t, Kind kind, String reason) {
        return !rec.where(on(t).and(e -> e.kind == kind && reason.equals(e.detail))).isEmpty();
    }

    @Test
    void goroutineLifecycleIsReported() throws Exception {
        Recorder rec = new Recorder();
        IllegalStateException boom = new IllegalStateException("boom");
        PanicHandler quiet = (t, id, p) -> {};
        PanicHandler previous = Go.setPanicHandler(quiet);
        try (AutoCloseable reg = EventListeners.register(rec)) {
            Thread fine = Go.go(() -> {});
            Thread panicking = Go.go(() -> {
                throw boom;
            });
            fine.join();
            panicking.join();
            Thread me = Thread.currentThread();
            for (Thread child : List.of(fine, panicking)) {
                List<Event> created = rec.where(e -> e.kind == Kind.CREATED && e.detail == child);
                assertEquals(1, created.size(), rec.dump());
                assertSame(me, created.get(0).thread, "goroutineCreated runs in the parent");
                List<Event> started = rec.where(on(child).and(e -> e.kind == Kind.STARTED));
                List<Event> ended = rec.where(on(child).and(e -> e.kind == Kind.ENDED));
                assertEquals(1, started.size(), rec.dump());
                assertEquals(1, ended.size(), rec.dump());
                assertTrue(created.get(0).seq < started.get(0).seq && started.get(0).seq < ended.get(0).seq, rec.dump());
            }
            assertEquals(null, rec.where(on(fine).and(e -> e.kind == Kind.ENDED)).get(0).detail);
            assertSame(boom, rec.where(on(panicking).and(e -> e.kind == Kind.ENDED)).get(0).detail);
        } finally {
            Go.setPanicHandler(previous);
        }
    }

    @Test
    void aClosedRegistrationStopsEvents() throws Exception {
        Recorder rec = new Recorder();
        AutoCloseable reg = EventListeners.register(rec);
        assertTrue(io.github.go4j.spi.internal.Events.enabled());
        Chan<Integer> c = Chan.make(1);
        c.send(1);
        reg.close();
        long before = rec.events.size();
        assertTrue(before > 0, "a send with a listener reported nothing");
        c.recv();
        Go.go(() -> {}).join();
        assertEquals(before, rec.events.size(), "events after the listener was removed");
    }
}
