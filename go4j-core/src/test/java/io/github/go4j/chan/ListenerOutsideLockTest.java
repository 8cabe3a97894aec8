package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.chan.internal.Channel;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.EventListeners;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A listener's callbacks never run while a channel's internal lock is held: a callback may block (the race
 * detector's takes a monitor and allocates), and a goroutine that blocks holding the channel's spin lock
 * stalls every other goroutine that touches the channel.
 *
 * <p>Each scenario lets one thread operate on the watched channels at a time (its counterpart is parked,
 * or has been joined), so an odd lock word seen from a callback is the calling operation's own lock.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ListenerOutsideLockTest {

    /** Checks, at every callback, that none of the watched channels is locked. */
    static final class LockWatcher implements EventListener {
        final List<Chan<?>> watched;
        final ConcurrentLinkedQueue<String> underLock = new ConcurrentLinkedQueue<>();
        final AtomicInteger calls = new AtomicInteger();

        LockWatcher(List<Chan<?>> watched) {
            this.watched = watched;
        }

        private void check(String event) {
            calls.incrementAndGet();
            for (Chan<?> c : watched) {
                if ((((Channel<?>) c).currentStamp() & 1) != 0) underLock.add(event + " while " + c + " was locked");
            }
        }

        @Override public void release(Object sync, long slot) { check("release(" + slot + ")"); }
        @Override public void acquire(Object sync, long slot) { check("acquire(" + slot + ")"); }
        @Override public void transfer(Object from, long fromSlot, Object to, long toSlot) { check("transfer"); }
        @Override public void blocked(Object on, String waitReason) { check("blocked " + waitReason); }
        @Override public void unblocked(Object on) { check("unblocked"); }
    }

    private interface Scenario {
        void run(Chan<Integer> a, Chan<Integer> b, GoroutineScope g) throws Exception;
    }

    private static void watch(int capacity, Scenario s) throws Exception {
        Chan<Integer> a = Chan.make(capacity);
        Chan<Integer> b = Chan.make(capacity);
        LockWatcher w = new LockWatcher(List.of(a, b));
        try (AutoCloseable reg = EventListeners.register(w); GoroutineScope g = new GoroutineScope()) {
            s.run(a, b, g);
            g.join();
        }
        assertTrue(w.calls.get() > 0, "the scenario reported nothing");
        assertEquals(List.of(), List.copyOf(w.underLock), "callbacks ran under a channel's lock (capacity " + capacity + ")");
    }

    @Test
    void bufferedSendAndReceiveAndTheirTryForms() throws Exception {
        watch(2, (a, b, g) -> {
            a.send(1);
            assertTrue(a.trySend(2));
            assertFalse(a.trySend(3));
            assertEquals(1, a.recv());
            assertEquals(new Received<>(2, true), a.tryRecv());
            assertEquals(null, a.tryRecv());
        });
    }

    @Test
    void handoffToAParkedReceiverAndFromAParkedSender() throws Exception {
        for (int capacity : new int[] {0, 1}) {
            watch(capacity, (a, b, g) -> {
                Thread receiver = g.go(() -> assertEquals(7, a.recv()));
                awaitParked(receiver);
                a.send(7);
                receiver.join();
                for (int i = 0; i < capacity; i++) a.send(i);
                Thread sender = g.go(() -> a.send(8)); // unbuffered: waits for a receiver; buffered: the buffer is full
                awaitParked(sender);
                for (int i = 0; i < capacity; i++) assertEquals(i, a.recv());
                if (capacity == 0) {
                    assertEquals(8, a.recv());
                    sender.join();
                } else {
                    sender.join(); // the first receive moved the parked sender's value into the buffer
                    assertEquals(8, a.recv());
                }
            });
        }
    }

    @Test
    void closeWakesParkedReceiversAndSenders() throws Exception {
        watch(0, (a, b, g) -> {
            Thread receiver = g.go(() -> assertEquals(new Received<>(null, false), a.recvOk()));
            Thread sender = g.go(() -> {
                try {
                    b.send(1);
                } catch (ChanClosedException expected) {
                    return;
                }
                throw new AssertionError("a send woken by close returned normally");
            });
            awaitParked(receiver, sender);
            a.close();
            b.close();
            receiver.join();
            sender.join();
        });
    }

    @Test
    void selectThatWaitsAndSelectThatFindsACaseReady() throws Exception {
        for (int capacity : new int[] {0, 1}) {
            watch(capacity, (a, b, g) -> {
                Thread selector = g.go(() -> assertEquals(5, (int) Select.select(Case.recv(a, v -> v), Case.recv(b, v -> v + 100))));
                awaitParked(selector);
                a.send(5);
                selector.join();
                Thread receiver = g.go(() -> assertEquals(6, b.recv()));
                awaitParked(receiver);
                assertEquals("sent", Select.select(Case.send(b, 6, () -> "sent"), Case.recv(a, v -> "received")));
                receiver.join();
                assertEquals("none", Select.select(Case.recv(a, v -> "a"), Case.recv(b, v -> "b"), Case.otherwise(() -> "none")));
            });
        }
    }
}
