package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interruption: a blocked send, receive or select that is interrupted throws InterruptedException and leaves
 * the channel as if it had not been called; one that had already completed returns normally with the
 * interrupt status set. The storms check the whole accounting: the multiset of values received equals the
 * multiset of sends that returned normally; every send that threw delivered nothing.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptionTest {

    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 1_500;

    /** What one storm saw. */
    private static final class Ledger {
        final ConcurrentLinkedQueue<Integer> sent = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> failed = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
        final AtomicInteger interruptedReceives = new AtomicInteger();

        void check(int attempted) {
            List<Integer> s = new ArrayList<>(sent);
            List<Integer> r = new ArrayList<>(received);
            assertEquals(attempted, s.size() + failed.size(), "every attempt either sent or threw");
            Collections.sort(s);
            Collections.sort(r);
            Map<Integer, Integer> dup = new HashMap<>();
            for (int v : r) dup.merge(v, 1, Integer::sum);
            dup.values().removeIf(n -> n == 1);
            assertTrue(dup.isEmpty(), "values received twice: " + dup);
            List<Integer> lost = new ArrayList<>(s);
            lost.removeAll(r);
            List<Integer> ghosts = new ArrayList<>(r);
            ghosts.removeAll(s);
            assertTrue(lost.isEmpty(), lost.size() + " values sent but never received, e.g. " + head(lost));
            assertTrue(ghosts.isEmpty(), ghosts.size() + " values received whose send threw, e.g. " + head(ghosts));
            assertEquals(s, r);
            assertTrue(failed.size() + interruptedReceives.get() > 0, "the storm interrupted nothing");
        }

        private static List<Integer> head(List<Integer> l) {
            return l.subList(0, Math.min(10, l.size()));
        }
    }

    /** Interrupts the given threads, round-robin, until told to stop. */
    private static Thread interrupter(GoroutineScope g, List<Thread> targets, AtomicBoolean stop) {
        return g.go(() -> {
            while (!stop.get()) {
                Thread t = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                t.interrupt();
                Thread.yield();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void interruptStormLosesAndDuplicatesNothing(ChanKind kind) throws Exception {
        Chan<Integer> c = kind.make();
        Ledger ledger = new Ledger();
        AtomicBoolean stop = new AtomicBoolean();
        try (GoroutineScope g = new GoroutineScope()) {
            List<Thread> producers = new ArrayList<>();
            List<Thread> targets = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                final int base = p * PER_PRODUCER;
                producers.add(g.go(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        int v = base + i;
                        try {
                            c.send(v);
                            ledger.sent.add(v);
                        } catch (InterruptedException e) {
                            ledger.failed.add(v);
                        }
                        Thread.interrupted(); // a send that completed may return with the status set
                    }
                }));
            }
            List<Thread> consumers = new ArrayList<>();
            for (int k = 0; k < CONSUMERS; k++) {
                consumers.add(g.go(() -> {
                    while (true) {
                        try {
                            Integer v = c.recv();
                            if (v == null) return; // closed and drained
                            ledger.received.add(v);
                        } catch (InterruptedException e) {
                            ledger.interruptedReceives.incrementAndGet();
                        }
                        if (stop.get()) Thread.interrupted(); // after the storm, no stale status stays behind
                    }
                }));
            }
            targets.addAll(producers);
            targets.addAll(consumers);
            Thread storm = interrupter(g, targets, stop);
            for (Thread t : producers) t.join();
            stop.set(true);
            storm.join();
            c.close();
            for (Thread t : consumers) t.join();
            g.rethrow();
        }
        ledger.check(PRODUCERS * PER_PRODUCER);
    }

    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void interruptStormOnSelectsLosesAndDuplicatesNothing(ChanKind kind) throws Exception {
        Chan<Integer> a = kind.make();
        Chan<Integer> b = kind.make();
        Ledger ledger = new Ledger();
        AtomicBoolean stop = new AtomicBoolean();
        try (GoroutineScope g = new GoroutineScope()) {
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                final int base = p * PER_PRODUCER;
                producers.add(g.go(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        int v = base + i;
                        try {
                            Select.select(Case.send(a, v, () -> null), Case.send(b, v, () -> null));
                            ledger.sent.add(v);
                        } catch (InterruptedException e) {
                            ledger.failed.add(v);
                        }
                        Thread.interrupted();
                    }
                }));
            }
            AtomicInteger closedSeen = new AtomicInteger();
            List<Thread> consumers = new ArrayList<>();
            for (int k = 0; k < CONSUMERS; k++) {
                consumers.add(g.go(() -> {
                    RecvChan<Integer> ra = a;
                    RecvChan<Integer> rb = b;
                    while (ra != null || rb != null) {
                        try {
                            Received<Integer> got = Select.select(Case.recvOk(ra, (v, ok) -> new Received<>(ok ? v : -1, ok)),
                                    Case.recvOk(rb, (v, ok) -> new Received<>(ok ? v : -2, ok)));
                            if (got.ok()) ledger.received.add(got.value());
                            else if (got.value() == -1) ra = null;
                            else rb = null;
                        } catch (InterruptedException e) {
                            ledger.interruptedReceives.incrementAndGet();
                        }
                        if (stop.get()) Thread.interrupted();
                    }
                    closedSeen.incrementAndGet();
                }));
            }
            List<Thread> targets = new ArrayList<>(producers);
            targets.addAll(consumers);
            Thread storm = interrupter(g, targets, stop);
            for (Thread t : producers) t.join();
            stop.set(true);
            storm.join();
            a.close();
            b.close();
            for (Thread t : consumers) t.join();
            g.rethrow();
            assertEquals(CONSUMERS, closedSeen.get());
        }
        ledger.check(PRODUCERS * PER_PRODUCER);
    }

    /**
     * A receive that was completed (the sender handed it a value) before the interrupt came returns that value
     * normally, with the interrupt status set; it must not throw and lose the value.
     */
    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void aCompletedReceiveReturnsNormallyWithTheInterruptStatusSet(ChanKind kind) throws Exception {
        for (int i = 0; i < 100; i++) {
            Chan<Integer> c = kind.make();
            CompletableFuture<String> outcome = new CompletableFuture<>();
            AtomicBoolean interrupted = new AtomicBoolean();
            try (GoroutineScope g = new GoroutineScope()) {
                Thread t = g.go(() -> {
                    try {
                        Integer v = c.recv();
                        awaitTrue(interrupted); // the status is read after the interrupt, wherever it landed
                        outcome.complete("got " + v + " interrupted=" + Thread.currentThread().isInterrupted());
                    } catch (InterruptedException e) {
                        outcome.complete("threw InterruptedException");
                    }
                });
                awaitParked(t);
                c.send(7); // returns once the parked receiver has been given the value: its receive is complete
                t.interrupt();
                interrupted.set(true);
                g.join();
            }
            assertEquals("got 7 interrupted=true", outcome.getNow(null), "iteration " + i);
        }
    }

    /** The same for a send: once a receiver took its value, an interrupt cannot undo it. */
    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void aCompletedSendReturnsNormallyWithTheInterruptStatusSet(ChanKind kind) throws Exception {
        for (int i = 0; i < 100; i++) {
            Chan<Integer> c = kind.make();
            for (int k = 0; k < kind.capacity; k++) c.send(k);
            CompletableFuture<String> outcome = new CompletableFuture<>();
            AtomicBoolean interrupted = new AtomicBoolean();
            try (GoroutineScope g = new GoroutineScope()) {
                Thread t = g.go(() -> {
                    try {
                        c.send(1000);
                        awaitTrue(interrupted);
                        outcome.complete("sent interrupted=" + Thread.currentThread().isInterrupted());
                    } catch (InterruptedException e) {
                        outcome.complete("threw InterruptedException");
                    }
                });
                awaitParked(t);
                // The receive makes room (buffered) or takes the value (unbuffered): the send is complete.
                c.recv();
                t.interrupt();
                interrupted.set(true);
                g.join();
            }
            assertEquals("sent interrupted=true", outcome.getNow(null), "iteration " + i);
            for (int k = 1; k < kind.capacity; k++) assertEquals(k, c.recv());
            if (kind.capacity > 0) assertEquals(1000, c.recv(), "the completed send's value is in the buffer");
        }
    }

    /** The same for a select: once a case has happened, the interrupt leaves it happened. */
    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void aCompletedSelectReturnsNormallyWithTheInterruptStatusSet(ChanKind kind) throws Exception {
        for (int i = 0; i < 100; i++) {
            Chan<Integer> c = kind.make();
            Chan<Integer> other = Chan.make();
            CompletableFuture<String> outcome = new CompletableFuture<>();
            AtomicBoolean interrupted = new AtomicBoolean();
            try (GoroutineScope g = new GoroutineScope()) {
                Thread t = g.go(() -> {
                    try {
                        String r = Select.select(Case.recv(c, v -> "got " + v), Case.recv(other, v -> "other"));
                        awaitTrue(interrupted);
                        outcome.complete(r + " interrupted=" + Thread.currentThread().isInterrupted());
                    } catch (InterruptedException e) {
                        outcome.complete("threw InterruptedException");
                    }
                });
                awaitParked(t);
                c.send(5);
                t.interrupt();
                interrupted.set(true);
                g.join();
            }
            assertEquals("got 5 interrupted=true", outcome.getNow(null), "iteration " + i);
        }
    }

    /** Spins (never blocking, so a set interrupt status stays untouched) until {@code flag} is true. */
    private static void awaitTrue(AtomicBoolean flag) {
        while (!flag.get()) Thread.onSpinWait();
    }

    /**
     * An operation started with the interrupt status already set either throws at once (consuming the status,
     * doing nothing) or, if it could complete without waiting, completes with the status still set. Either
     * way the channel's accounting is exact.
     */
    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void anOperationStartedInterruptedIsAllOrNothing(ChanKind kind) throws Exception {
        Chan<Integer> c = kind.make();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                Thread.currentThread().interrupt();
                try {
                    c.send(1);
                    outcome.complete("sent, status " + Thread.currentThread().isInterrupted());
                } catch (InterruptedException e) {
                    outcome.complete("threw, status " + Thread.currentThread().isInterrupted());
                }
            });
            g.join();
        }
        String r = outcome.getNow(null);
        if (kind.capacity == 0) {
            assertEquals("threw, status false", r, "no receiver: the send had to wait");
            assertEquals(null, c.tryRecv());
        } else if (r.startsWith("sent")) {
            assertEquals("sent, status true", r);
            assertEquals(new Received<>(1, true), c.tryRecv());
        } else {
            assertEquals("threw, status false", r);
            assertEquals(null, c.tryRecv(), "a send that threw delivered its value");
        }
    }
}
