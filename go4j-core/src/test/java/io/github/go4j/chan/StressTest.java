package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many producers and consumers, bounded in count: the multiset received equals the multiset sent, and each
 * consumer sees each producer's values in the order they were sent.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StressTest {

    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 10_000;

    /** A value tagged with its producer and its sequence number there. */
    private static int tag(int producer, int seq) {
        return producer * PER_PRODUCER + seq;
    }

    /** What one consumer saw, checked at the end. */
    private static final class ConsumerLog {
        final int[] lastSeq = new int[PRODUCERS];
        final List<Integer> got = new ArrayList<>();

        ConsumerLog() {
            Arrays.fill(lastSeq, -1);
        }

        void saw(int v) {
            int p = v / PER_PRODUCER;
            int seq = v % PER_PRODUCER;
            if (seq <= lastSeq[p]) {
                throw new AssertionError("producer " + p + ": seq " + seq + " after " + lastSeq[p] + " (FIFO broken)");
            }
            lastSeq[p] = seq;
            got.add(v);
        }
    }

    private static void assertExactlyOnce(List<ConsumerLog> logs, int total) {
        boolean[] seen = new boolean[total];
        int n = 0;
        for (ConsumerLog log : logs) {
            for (int v : log.got) {
                assertTrue(v >= 0 && v < total, "value out of range: " + v);
                assertTrue(!seen[v], "value received twice: " + v);
                seen[v] = true;
                n++;
            }
        }
        assertEquals(total, n, "values lost");
    }

    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void manyProducersAndConsumers(ChanKind kind) throws Exception {
        Chan<Integer> c = kind.make();
        List<ConsumerLog> logs = new ArrayList<>();
        AtomicInteger maxLen = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        try (GoroutineScope g = new GoroutineScope()) {
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                final int pp = p;
                producers.add(g.go(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) c.send(tag(pp, i));
                }));
            }
            for (int k = 0; k < CONSUMERS; k++) {
                ConsumerLog log = new ConsumerLog();
                logs.add(log);
                g.go(() -> {
                    for (int v : c) log.saw(v);
                });
            }
            g.go(() -> { // len is a snapshot, but never outside [0, cap]
                while (!done.get()) {
                    int len = c.len();
                    if (len < 0 || len > kind.capacity) throw new AssertionError("len " + len + " cap " + kind.capacity);
                    maxLen.accumulateAndGet(len, Math::max);
                    Thread.yield();
                }
            });
            for (Thread t : producers) t.join();
            c.close();
            done.set(true);
            g.join();
        }
        assertExactlyOnce(logs, PRODUCERS * PER_PRODUCER);
    }

    /** Consumers that select over three channels of different kinds, with producers on each. */
    @Test
    void selectConsumersOverSeveralChannels() throws Exception {
        List<Chan<Integer>> chans = List.of(Chan.make(), Chan.make(1), Chan.make(16));
        int producers = PRODUCERS; // producer p sends on chans[p % 3]
        List<ConsumerLog> logs = new ArrayList<>();
        try (GoroutineScope g = new GoroutineScope()) {
            List<Thread> ps = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                final int pp = p;
                Chan<Integer> out = chans.get(p % chans.size());
                ps.add(g.go(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) out.send(tag(pp, i));
                }));
            }
            for (int k = 0; k < CONSUMERS; k++) {
                ConsumerLog log = new ConsumerLog();
                logs.add(log);
                g.go(() -> {
                    List<RecvChan<Integer>> open = new ArrayList<>(chans);
                    while (open.stream().anyMatch(x -> x != null)) {
                        int[] closedAt = {-1};
                        Integer v = Select.select(
                                Case.recvOk(open.get(0), (x, ok) -> ok ? x : closed(closedAt, 0)),
                                Case.recvOk(open.get(1), (x, ok) -> ok ? x : closed(closedAt, 1)),
                                Case.recvOk(open.get(2), (x, ok) -> ok ? x : closed(closedAt, 2)));
                        if (v != null) log.saw(v);
                        else open.set(closedAt[0], null);
                    }
                });
            }
            for (Thread t : ps) t.join();
            chans.forEach(Chan::close);
            g.join();
        }
        assertExactlyOnce(logs, producers * PER_PRODUCER);
    }

    private static Integer closed(int[] closedAt, int index) {
        closedAt[0] = index;
        return null;
    }

    /** Select-based producers too: each value goes to whichever of two channels is ready first. */
    @Test
    void selectProducersAndSelectConsumers() throws Exception {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make(8);
        ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
        final int n = 10_000;
        try (GoroutineScope g = new GoroutineScope()) {
            List<Thread> ps = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                final int base = p * n;
                ps.add(g.go(() -> {
                    for (int i = 0; i < n; i++) {
                        final int v = base + i;
                        Select.select(Case.send(a, v, () -> null), Case.send(b, v, () -> null));
                    }
                }));
            }
            AtomicInteger received = new AtomicInteger();
            for (int k = 0; k < 2; k++) {
                g.go(() -> {
                    while (received.get() < 2 * n) {
                        Integer v = Select.select(Case.recv(a, x -> x), Case.recv(b, x -> x),
                                Case.after(java.time.Duration.ofMillis(5), () -> null));
                        if (v != null) {
                            got.add(v);
                            received.incrementAndGet();
                        }
                    }
                });
            }
            for (Thread t : ps) t.join();
            g.join();
        }
        int[] sorted = got.stream().mapToInt(Integer::intValue).sorted().toArray();
        assertEquals(2 * n, sorted.length);
        for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i], "lost or duplicated near " + i);
    }

    /**
     * Close during heavy traffic: senders keep sending until they get "send on closed channel"; every send
     * that returned normally is received exactly once, no send that threw is received, and receivers end.
     */
    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void closeDuringHeavyTraffic(ChanKind kind) throws Exception {
        for (int round = 0; round < 10; round++) {
            Chan<Long> c = kind.make();
            ConcurrentLinkedQueue<Long> sent = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();
            AtomicLong receivedCount = new AtomicLong();
            AtomicInteger senderEnds = new AtomicInteger();
            try (GoroutineScope g = new GoroutineScope()) {
                for (int p = 0; p < PRODUCERS; p++) {
                    final long base = (long) p << 40;
                    g.go(() -> {
                        for (long i = 0; ; i++) {
                            try {
                                c.send(base + i);
                            } catch (ChanClosedException e) {
                                if (!"send on closed channel".equals(e.getMessage())) throw e;
                                senderEnds.incrementAndGet();
                                return;
                            }
                            sent.add(base + i);
                        }
                    });
                }
                for (int k = 0; k < CONSUMERS; k++) {
                    g.go(() -> {
                        for (long v : c) {
                            received.add(v);
                            receivedCount.incrementAndGet();
                        }
                    });
                }
                while (receivedCount.get() < 1_000) Thread.onSpinWait();
                c.close();
                g.join();
            }
            assertEquals(PRODUCERS, senderEnds.get(), "every sender saw the close");
            List<Long> s = new ArrayList<>(sent);
            List<Long> r = new ArrayList<>(received);
            s.sort(null);
            r.sort(null);
            assertEquals(s, r, "round " + round + ": received differs from what was sent successfully");
            assertEquals(new Received<>(null, false), c.recvOk());
        }
    }
}
