package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.go4j.Go;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's test/chan/*.go programs, each ported behaviour for behaviour with its numbers. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoChanProgramsTest {

    private static final int[] PRIMES_TO_100 =
            {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97};

    /**
     * test/chan/doubleselect.go: two cases of one select must never both run. A sender selects over four
     * channels 100000 times (here 20000 unless go4j.test.long); four muxes forward; the receiver checks for duplicates.
     */
    @Test
    void doubleselect() throws Exception {
        int iterations = GoTestSize.pick(100_000, 20_000);
        Chan<Integer> c1 = Chan.make();
        Chan<Integer> c2 = Chan.make();
        Chan<Integer> c3 = Chan.make();
        Chan<Integer> c4 = Chan.make();
        Chan<Boolean> done = Chan.make();
        Chan<Integer> cmux = Chan.make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                try {
                    for (int i = 0; i < iterations; i++) {
                        final int v = i;
                        Select.select(Case.send(c1, v, () -> null), Case.send(c2, v, () -> null),
                                Case.send(c3, v, () -> null), Case.send(c4, v, () -> null));
                    }
                } finally {
                    c4.close();
                    c3.close();
                    c2.close();
                    c1.close();
                }
            });
            for (Chan<Integer> in : List.of(c1, c2, c3, c4)) {
                g.go(() -> {
                    for (int v : in) cmux.send(v);
                    done.send(true);
                });
            }
            g.go(() -> {
                for (int i = 0; i < 4; i++) done.recv();
                cmux.close();
            });
            Set<Integer> seen = new HashSet<>();
            for (int v : cmux) {
                if (!seen.add(v)) fail("got duplicate value: " + v);
            }
            assertEquals(iterations, seen.size());
            g.join();
        }
    }

    /** test/chan/fifo.go AsynchFifo: a buffered channel is a FIFO. */
    @Test
    void fifoAsynch() throws InterruptedException {
        final int n = 10;
        Chan<Integer> ch = Chan.make(n);
        for (int i = 0; i < n; i++) ch.send(i);
        for (int i = 0; i < n; i++) assertEquals(i, ch.recv(), "bad receive");
    }

    /** test/chan/fifo.go SynchFifo: a daisy chain of goroutines reads an unbuffered channel in sequence. */
    @Test
    void fifoSynch() throws Exception {
        final int n = 10;
        Chan<Integer> ch = Chan.make();
        Chan<Integer> in = Chan.make();
        Chan<Integer> start = in;
        try (GoroutineScope g = new GoroutineScope()) {
            for (int i = 0; i < n; i++) {
                Chan<Integer> out = Chan.make();
                final int val = i;
                final Chan<Integer> myIn = in;
                g.go(() -> {
                    myIn.recv();
                    int got = ch.recv();
                    if (got != val) throw new AssertionError("chain " + val + " got " + got);
                    out.send(1);
                });
                in = out;
            }
            start.send(0);
            for (int i = 0; i < n; i++) ch.send(i);
            in.recv();
            g.join();
        }
    }

    /** test/chan/goroutines.go: 10000 goroutines threaded together by channels, torn down cleanly. */
    @Test
    void goroutines() throws Exception {
        final int n = 10_000;
        Chan<Integer> leftmost = Chan.make();
        Chan<Integer> right = leftmost;
        Chan<Integer> left = leftmost;
        try (GoroutineScope g = new GoroutineScope()) {
            for (int i = 0; i < n; i++) {
                right = Chan.make();
                final Chan<Integer> l = left;
                final Chan<Integer> r = right;
                g.go(() -> l.send(r.recv()));
                left = right;
            }
            final Chan<Integer> last = right;
            g.go(() -> last.send(1));
            assertEquals(1, leftmost.recv());
            g.join();
        }
    }

    /** test/chan/nonblock.go: non-blocking sends and receives of several types succeed once the peer is there. */
    @Test
    void nonblock() throws Exception {
        for (int buffer = 0; buffer < 2; buffer++) {
            nonblockOf(buffer, 123, 234);
            nonblockOf(buffer, 123456L, 234567L);
            nonblockOf(buffer, true, true);
            nonblockOf(buffer, "hello", "hello again");
        }
    }

    private static <T> void nonblockOf(int buffer, T toReceiver, T fromSender) throws Exception {
        Chan<T> c = Chan.make(buffer);
        Chan<Boolean> sync = Chan.make();
        String name = toReceiver.getClass().getSimpleName() + " buffer=" + buffer;
        assertEquals("default", Select.select(Case.recv(c, v -> "recv"), Case.otherwise(() -> "default")),
                "blocked " + name + " sender");
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> { // receiver
                if (!toReceiver.equals(c.recv())) throw new AssertionError(name + " value");
                sync.send(true);
            });
            pollUntil(name + " receiver", () -> Select.select(Case.send(c, toReceiver, () -> true), Case.otherwise(() -> false)));
            sync.recv();

            g.go(() -> { // sender
                c.send(fromSender);
                sync.send(true);
            });
            if (buffer > 0) sync.recv();
            Object[] got = new Object[1];
            pollUntil(name + " sender", () -> Select.select(Case.recv(c, v -> {
                got[0] = v;
                return true;
            }), Case.otherwise(() -> false)));
            assertEquals(fromSender, got[0], name + " sender value");
            if (buffer == 0) sync.recv();
            g.join();
        }
    }

    /** The retry loop of nonblock.go (there: maxTries of 10 µs sleeps); here a generous 10 s bound. */
    private static void pollUntil(String what, Attempt attempt) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!attempt.run()) {
            if (System.nanoTime() - deadline > 0) fail(what + ": fail");
            Thread.sleep(Duration.ofNanos(10_000));
            Thread.yield();
        }
    }

    @FunctionalInterface
    private interface Attempt {
        boolean run() throws InterruptedException;
    }

    /**
     * test/chan/select.go: case values are computed once per select (both cases, even a nil one), a nil
     * channel case is never chosen, and a default ends the loop.
     */
    @Test
    void select() throws InterruptedException {
        int[] counter = {0};
        int[] shift = {0};
        Function<Void, Integer> getValue = x -> {
            counter[0]++;
            return 1 << shift[0];
        };
        class Sender {
            int send(Chan<Integer> a, Chan<Integer> b) throws InterruptedException {
                int i = 0;
                while (true) {
                    Chan<Integer> aa = a;
                    Chan<Integer> bb = b;
                    int chosen = Select.select(
                            Case.send(aa, getValue.apply(null), () -> 1),
                            Case.send(bb, getValue.apply(null), () -> 2),
                            Case.otherwise(() -> 0));
                    if (chosen == 0) break;
                    i++;
                    if (chosen == 1) a = null;
                    else b = null;
                    shift[0]++;
                }
                return i;
            }
        }
        Sender s = new Sender();
        Chan<Integer> a = Chan.make(1);
        Chan<Integer> b = Chan.make(1);
        assertEquals(2, s.send(a, b), "Send returned");
        int av = a.recv();
        int bv = b.recv();
        assertEquals(3, av | bv, "bad values " + av + " " + bv);
        assertEquals(1, s.send(a, null), "Send returned");
        assertEquals(10, counter[0], "counter");
    }

    /**
     * test/chan/select2.go: 100000 selects (here 20000 unless go4j.test.long) over a channel and a never-ready
     * dummy, twice; the dummy is never chosen. (Go also checks the memory footprint; not ported.)
     */
    @Test
    void select2() throws Exception {
        final int n = GoTestSize.pick(100_000, 20_000);
        Chan<Integer> c = Chan.make();
        Chan<Integer> dummy = Chan.make();
        for (int round = 0; round < 2; round++) {
            try (GoroutineScope g = new GoroutineScope()) {
                g.go(() -> {
                    for (int i = 0; i < n; i++) c.send(1);
                });
                for (int i = 0; i < n; i++) {
                    Select.select(Case.recv(c, v -> null), Case.recv(dummy, v -> {
                        throw new AssertionError("dummy");
                    }));
                }
                g.join();
            }
        }
    }

    // ---- test/chan/select3.go: the semantics of select for basic empty/non-empty cases ----

    private static final String ALWAYS = "function did not";
    private static final String NEVER = "function did";

    private static void unreachable() {
        throw new AssertionError("control flow shouldn't reach here");
    }

    /** select3.go testPanic: f always or never throws (panics). */
    private static void testPanic(String signal, Go.Task f) throws Exception {
        String s = NEVER;
        try {
            f.run();
        } catch (ChanClosedException e) {
            s = ALWAYS;
        }
        assertEquals(signal, s, signal + " panic");
    }

    /** select3.go testBlock: f always or never blocks (here: it parks and stays, or it returns). */
    private static void testBlock(String signal, Go.Task f) throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                f.run();
                result.complete(NEVER); // f didn't block
            });
            if (signal.equals(NEVER)) {
                g.join();
            } else {
                awaitParked(t);
                Thread.sleep(20); // a parked f must stay parked (0.1 s in Go)
                result.complete(ALWAYS);
            }
        }
        assertEquals(signal, result.getNow(null), signal + " block");
    }

    @Test
    void select3() throws Exception {
        final int async = 1;
        Chan<Integer> nilch = Chan.nil();
        Chan<Integer> closedch = Chan.make();
        closedch.close();

        // sending/receiving from a nil channel blocks
        testBlock(ALWAYS, () -> nilch.send(7));
        testBlock(ALWAYS, nilch::recv);
        // sending/receiving from a nil channel inside a select is never selected
        testPanic(NEVER, () -> Select.select(Case.send(nilch, 7, () -> {
            unreachable();
            return null;
        }), Case.otherwise(() -> null)));
        testPanic(NEVER, () -> Select.select(Case.recv(nilch, v -> {
            unreachable();
            return null;
        }), Case.otherwise(() -> null)));
        // sending to an async channel with free buffer space never blocks
        testBlock(NEVER, () -> Chan.<Integer>make(async).send(7));
        // receiving from a closed channel never blocks
        testBlock(NEVER, () -> {
            for (int i = 0; i < 10; i++) {
                if (closedch.recv() != null) throw new AssertionError("expected zero value when reading from closed channel");
                Received<Integer> r = closedch.recvOk();
                if (r.value() != null || r.ok()) throw new AssertionError("expected 0, false from closed channel: " + r);
            }
        });
        // sending to a closed channel panics
        testPanic(ALWAYS, () -> closedch.send(7));
        // receiving from a non-ready channel always blocks
        testBlock(ALWAYS, () -> Chan.<Integer>make().recv());
        // empty selects always block
        testBlock(ALWAYS, () -> Select.select());
        // selects with only nil channels always block
        testBlock(ALWAYS, () -> Select.select(Case.recv(nilch, v -> {
            unreachable();
            return null;
        })));
        testBlock(ALWAYS, () -> Select.select(Case.send(nilch, 7, () -> {
            unreachable();
            return null;
        })));
        testBlock(ALWAYS, () -> Select.select(Case.recv(nilch, v -> {
            unreachable();
            return null;
        }), Case.send(nilch, 7, () -> {
            unreachable();
            return null;
        })));
        // selects with non-ready non-nil channels always block
        testBlock(ALWAYS, () -> Select.select(Case.recv(Chan.<Integer>make(), v -> {
            unreachable();
            return null;
        })));
        // selects with default cases don't block
        testBlock(NEVER, () -> Select.select(Case.otherwise(() -> null)));
        testBlock(NEVER, () -> Select.select(Case.recv(nilch, v -> {
            unreachable();
            return null;
        }), Case.otherwise(() -> null)));
        testBlock(NEVER, () -> Select.select(Case.send(nilch, 7, () -> {
            unreachable();
            return null;
        }), Case.otherwise(() -> null)));
        // selects with ready channels don't block
        testBlock(NEVER, () -> {
            Chan<Integer> ch = Chan.make(async);
            Select.select(Case.send(ch, 7, () -> null), Case.otherwise(() -> {
                unreachable();
                return null;
            }));
        });
        testBlock(NEVER, () -> {
            Chan<Integer> ch = Chan.make(async);
            ch.send(7);
            Select.select(Case.recv(ch, v -> null), Case.otherwise(() -> {
                unreachable();
                return null;
            }));
        });
        // selects with closed channels behave like ordinary operations
        testBlock(NEVER, () -> Select.select(Case.recv(closedch, v -> null)));
        testBlock(NEVER, () -> Select.select(Case.recv(closedch, v -> v)));
        testBlock(NEVER, () -> Select.select(Case.recvOk(closedch, (v, ok) -> ok)));
        testPanic(ALWAYS, () -> Select.select(Case.send(closedch, 7, () -> null)));
        // select should not get confused if it sees itself
        testBlock(ALWAYS, () -> {
            Chan<Integer> c = Chan.make();
            Select.select(Case.send(c, 1, () -> null), Case.recv(c, v -> null));
        });
    }

    /** test/chan/select4.go: the handler (Go: the assignment target) of a case not chosen is never evaluated. */
    @Test
    void select4() throws InterruptedException {
        AtomicBoolean fCalled = new AtomicBoolean();
        int[] xa = {0};
        Chan<Integer> c = Chan.make(1);
        Chan<Integer> c1 = Chan.make();
        c.send(42);
        Select.select(Case.recv(c1, v -> {
            fCalled.set(true);
            return null;
        }), Case.recv(c, v -> {
            xa[0] = v;
            return null;
        }));
        assertFalse(fCalled.get(), "BUG: called f");
        assertEquals(42, xa[0]);
    }

    /**
     * test/chan/select5.go: every combination (walked by {@link Exhaustive}) of a single real send or receive
     * on a buffered channel phrased as a plain operation or a select with a default before or after it,
     * dummy cases on a never-ready channel and nil channel cases; and the non-blocking variant where only
     * the default can run.
     */
    @Test
    void select5() throws InterruptedException {
        Chan<Integer> c = Chan.make(1);
        Chan<Integer> nilch = Chan.nil();
        Chan<Integer> dummy = Chan.make();
        int[] n = {1};
        int rounds = 0;
        for (String template : List.of("recv", "send", "nonblock")) {
            Exhaustive a = new Exhaustive(template.hashCode());
            while (a.next()) {
                rounds++;
                List<Case<Integer>> cases = new ArrayList<>();
                boolean[] def = {false};
                Runnable maybeDefault = () -> {
                    if (!def[0] && a.maybe()) {
                        def[0] = true;
                        cases.add(Case.otherwise(() -> {
                            if (!template.equals("nonblock")) throw new AssertionError("nonblock");
                            return n[0];
                        }));
                    }
                };
                int x;
                switch (template) {
                    case "recv" -> {
                        c.send(n[0]);
                        if (a.maybe()) {
                            x = c.recv();
                        } else {
                            maybeDefault.run();
                            cases.add(a.maybe() ? Case.recv(c, v -> v) : Case.recvOk(c, (v, ok) -> ok ? v : -1));
                            maybeDefault.run();
                            addDummies(a, cases, dummy, nilch);
                            x = select(cases);
                        }
                    }
                    case "send" -> {
                        if (a.maybe()) {
                            c.send(n[0]);
                        } else {
                            maybeDefault.run();
                            cases.add(Case.send(c, n[0], () -> 0));
                            maybeDefault.run();
                            addDummies(a, cases, dummy, nilch);
                            select(cases);
                        }
                        x = c.recv();
                    }
                    default -> { // nonblock: nothing is ready, the default must run and nothing else
                        maybeDefault.run();
                        if (a.maybe()) cases.add(Case.send(dummy, 1, () -> fail("dummy <- 1")));
                        if (a.maybe()) cases.add(Case.send(nilch, 1, () -> fail("nilch <- 1")));
                        if (a.maybe()) cases.add(Case.recv(dummy, v -> fail("<-dummy")));
                        if (a.maybe()) cases.add(Case.recvOk(dummy, (v, ok) -> fail("<-dummy x")));
                        if (a.maybe()) cases.add(Case.recv(nilch, v -> fail("<-nilch")));
                        if (a.maybe()) cases.add(Case.recvOk(nilch, (v, ok) -> fail("<-nilch x")));
                        if (!def[0]) cases.add(Case.otherwise(() -> n[0]));
                        x = select(cases);
                    }
                }
                assertEquals(n[0], x, "have " + x + " want " + n[0] + " (" + template + ")");
                n[0]++;
            }
        }
        assertTrue(rounds > 100, "rounds " + rounds);
    }

    private static void addDummies(Exhaustive a, List<Case<Integer>> cases, Chan<Integer> dummy, Chan<Integer> nilch) {
        // Dummy send and receive on a never-ready channel, and on a nil channel.
        if (a.maybe()) cases.add(Case.send(dummy, 1, () -> fail("dummy send")));
        if (a.maybe()) cases.add(Case.recv(dummy, v -> fail("dummy receive")));
        if (a.maybe()) cases.add(Case.send(nilch, 1, () -> fail("nilch send")));
        if (a.maybe()) cases.add(Case.recv(nilch, v -> fail("nilch recv")));
    }

    @SuppressWarnings("unchecked")
    private static int select(List<Case<Integer>> cases) throws InterruptedException {
        Case<Integer>[] array = cases.toArray(new Case[0]);
        return Select.<Integer>select(array);
    }

    /**
     * test/chan/select6.go (issue 2075): a select that was last in the queue of a failed case must leave that
     * queue intact; later waiters on it still wake.
     */
    @Test
    void select6() throws Exception {
        Chan<Boolean> c1 = Chan.make();
        Chan<Boolean> c2 = Chan.make();
        Chan<Boolean> c3 = Chan.make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(c1::recv);
            g.go(() -> {
                boolean fromC2 = Select.select(Case.recv(c1, v -> {
                    throw new AssertionError("dummy");
                }), Case.recv(c2, v -> true));
                if (fromC2) c3.send(true); // the body of Go's case <-c2 (handlers here cannot block)
                c1.recv();
            });
            g.go(() -> c2.send(true));
            c3.recv();
            c1.send(true);
            c1.send(true);
            g.join();
        }
    }

    /** test/chan/select7.go: every pairing of three ways to receive and three ways to send, discarding the value. */
    @Test
    void select7() throws Exception {
        List<Function<RecvChan<Integer>, Go.Task>> recvs = List.of(
                c -> c::recv,
                c -> () -> Select.select(Case.recv(c, v -> null)),
                c -> () -> Select.select(Case.recv(c, v -> null), Case.recv(Chan.<Integer>make(), v -> null)));
        for (Function<RecvChan<Integer>, Go.Task> recv : recvs) {
            for (int send = 1; send <= 3; send++) {
                Chan<Integer> c = Chan.make();
                try (GoroutineScope g = new GoroutineScope()) {
                    g.go(recv.apply(c));
                    Thread.yield();
                    switch (send) {
                        case 1 -> c.send(1);
                        case 2 -> Select.select(Case.send(c, 1, () -> null));
                        default -> Select.select(Case.send(c, 1, () -> null), Case.send(Chan.<Integer>make(), 1, () -> null));
                    }
                    g.join();
                }
            }
        }
    }

    /** test/chan/select8.go: one-, two- and three-case selects return from their chosen case (Go: break). */
    @Test
    void select8() throws Exception {
        Chan<Integer> ch = Chan.make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                while (true) ch.send(5);
            });
            int five = Select.select(Case.recv(ch, v -> v));
            assertEquals(5, five);
            assertEquals("default", Select.select(Case.otherwise(() -> "default")));
            String r = Select.select(Case.recv(ch, v -> "recv"), Case.otherwise(() -> "default"));
            assertTrue(r.equals("recv") || r.equals("default"), r);
            r = Select.select(Case.recv(ch, v -> "recv"), Case.send(ch, 10, () -> fail("unreachable")),
                    Case.otherwise(() -> "default"));
            assertTrue(r.equals("recv") || r.equals("default"), r);
        }
    }

    /** test/chan/sendstmt.go chanchan: {@code case <-cc <- 2} sends on the channel received from cc. */
    @Test
    void sendstmtChanchan() throws InterruptedException {
        Chan<Chan<Integer>> cc = Chan.make(1);
        Chan<Integer> c = Chan.make(1);
        cc.send(c);
        assertEquals("sent", Select.select(Case.send(cc.recv(), 2, () -> "sent"), Case.otherwise(() -> "nonblock")));
        assertEquals(2, c.recv(), "bad receive");
    }

    /** test/chan/sendstmt.go sendprec: the value sent is the whole expression. */
    @Test
    void sendstmtSendprec() throws InterruptedException {
        Chan<Boolean> c = Chan.make(1);
        boolean f = false;
        c.send(f || true);
        assertTrue(c.recv(), "sent false");
    }

    /** test/chan/sieve1.go: the classical concurrent prime sieve, a daisy chain of filters; primes to 100. */
    @Test
    void sieve1() throws Exception {
        Chan<Integer> primes = Chan.make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> { // Sieve
                Chan<Integer> ch = Chan.make();
                g.go(() -> { // Generate
                    for (int i = 2; ; i++) ch.send(i);
                });
                Chan<Integer> in = ch;
                while (true) {
                    int prime = in.recv();
                    primes.send(prime);
                    Chan<Integer> ch1 = Chan.make();
                    final Chan<Integer> from = in;
                    g.go(() -> { // Filter
                        for (int i : from) if (i % prime != 0) ch1.send(i);
                    });
                    in = ch1;
                }
            });
            for (int p : PRIMES_TO_100) assertEquals(p, primes.recv());
        }
    }

    /**
     * test/chan/sieve2.go: an Eratosthenesque sieve over odd candidates: a heap of channels of multiples
     * merged into composites, a feedback loop of primes through a select-based, growing send proxy.
     */
    @Test
    void sieve2() throws Exception {
        try (GoroutineScope g = new GoroutineScope()) {
            Chan<Integer> primes = new Sieve2(g).sieve();
            for (int p : PRIMES_TO_100) assertEquals(p, primes.recv());
        }
    }

    private record PeekCh(int head, Chan<Integer> ch) {}

    private record Sieve2(GoroutineScope g) {
        /** A channel of odd numbers, starting from 5. */
        Chan<Integer> odds() {
            Chan<Integer> out = Chan.make(50);
            g.go(() -> {
                for (int n = 5; ; n += 2) out.send(n);
            });
            return out;
        }

        /** A channel of odd multiples of the prime p, starting from p*p. */
        Chan<Integer> multiples(int p) {
            Chan<Integer> out = Chan.make(10);
            g.go(() -> {
                for (int n = p * p; ; n += 2 * p) out.send(n);
            });
            return out;
        }

        /** A channel serving as a sending proxy to out: an expanding buffer so that sending never blocks. */
        SendChan<Integer> sendproxy(SendChan<Integer> out) {
            Chan<Integer> proxy = Chan.make(10);
            g.go(() -> {
                ArrayDeque<Integer> q = new ArrayDeque<>(16);
                while (true) {
                    SendChan<Integer> c = q.isEmpty() ? null : out; // buffer empty: disable output
                    int e = q.isEmpty() ? 0 : q.peekFirst();
                    Select.select(Case.recv(proxy, v -> q.add(v)), Case.send(c, e, () -> q.pollFirst() != null));
                }
            });
            return proxy;
        }

        Chan<Integer> sieve() throws InterruptedException {
            Chan<Integer> out = Chan.make(10);
            out.send(2);
            out.send(3);
            // The channel of all composites to be eliminated in increasing order.
            Chan<Integer> composites = Chan.make(50);
            // The feedback loop.
            Chan<Integer> primes = Chan.make(10);
            primes.send(3);
            // Merge channels of multiples of 'primes' into 'composites'.
            g.go(() -> {
                PriorityQueue<PeekCh> h = new PriorityQueue<>((a, b) -> Integer.compare(a.head, b.head));
                int min = 15;
                while (true) {
                    Chan<Integer> m = multiples(primes.recv());
                    int head = m.recv();
                    while (min < head) {
                        composites.send(min);
                        PeekCh minchan = h.poll();
                        min = minchan.head;
                        h.add(new PeekCh(minchan.ch.recv(), minchan.ch));
                    }
                    while (min == head) {
                        PeekCh minchan = h.poll();
                        min = minchan.head;
                        h.add(new PeekCh(minchan.ch.recv(), minchan.ch));
                    }
                    composites.send(head);
                    h.add(new PeekCh(m.recv(), m));
                }
            });
            // Sieve out 'composites' from 'candidates'.
            g.go(() -> {
                SendChan<Integer> primesOut = sendproxy(primes);
                Chan<Integer> candidates = odds();
                int p = candidates.recv();
                while (true) {
                    int c = composites.recv();
                    while (p < c) {
                        primesOut.send(p);
                        out.send(p);
                        p = candidates.recv();
                    }
                    if (p == c) p = candidates.recv();
                }
            });
            return out;
        }
    }

    /** test/chan/zerosize.go: channels of a zero-sized type, unbuffered and buffered. */
    @Test
    void zerosize() throws InterruptedException {
        record Empty() {}
        Chan<Empty> c0 = Chan.make();
        Chan<Empty> c1 = Chan.make(1);
        assertEquals(0, c0.cap());
        c1.send(new Empty());
        assertEquals(new Empty(), c1.recv());
        assertNull(c0.tryRecv());
        assertThrows(NullPointerException.class, () -> c1.send(null));
    }
}
