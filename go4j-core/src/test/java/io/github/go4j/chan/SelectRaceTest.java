package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Races on a waiting select: several goroutines try to complete it at once (sends on two of its channels, a
 * close, a timeout, an interrupt). Exactly one may win; every other value must stay where it was, neither lost
 * nor delivered twice.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SelectRaceTest {

    private static final int ROUNDS = 1_000;

    /** Two senders on two channels of one waiting select: one pairs with it, the other stays blocked with its value. */
    @Test
    void twoSendersRaceForOneWaitingSelect() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Chan<Integer> a = Chan.make();
            Chan<Integer> b = Chan.make();
            CompletableFuture<String> chosen = new CompletableFuture<>();
            CyclicBarrier start = new CyclicBarrier(2);
            try (GoroutineScope g = new GoroutineScope()) {
                Thread s = g.go(() -> chosen.complete(Select.select(Case.recv(a, v -> "a" + v), Case.recv(b, v -> "b" + v))));
                awaitParked(s);
                Thread sa = g.go(() -> {
                    start.await();
                    a.send(1);
                });
                Thread sb = g.go(() -> {
                    start.await();
                    b.send(2);
                });
                String got = chosen.get();
                // The loser is still blocked in its send, with its value: take it.
                if (got.equals("a1")) assertEquals(2, b.recv(), "round " + round);
                else if (got.equals("b2")) assertEquals(1, a.recv(), "round " + round);
                else throw new AssertionError("select got " + got);
                sa.join();
                sb.join();
                g.rethrow();
            }
        }
    }

    /** Two trySends race for one waiting select: exactly one succeeds. */
    @Test
    void twoTrySendsRaceForOneWaitingSelect() throws Exception {
        int[] wins = new int[3];
        for (int round = 0; round < ROUNDS; round++) {
            Chan<Integer> a = Chan.make();
            Chan<Integer> b = Chan.make();
            CompletableFuture<String> chosen = new CompletableFuture<>();
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicInteger succeeded = new AtomicInteger();
            try (GoroutineScope g = new GoroutineScope()) {
                Thread s = g.go(() -> chosen.complete(Select.select(Case.recv(a, v -> "a"), Case.recv(b, v -> "b"))));
                awaitParked(s);
                Thread ta = g.go(() -> {
                    start.await();
                    if (a.trySend(1)) succeeded.incrementAndGet();
                });
                Thread tb = g.go(() -> {
                    start.await();
                    if (b.trySend(2)) succeeded.incrementAndGet();
                });
                ta.join();
                tb.join();
                assertEquals(1, succeeded.get(), "round " + round + ": trySends that succeeded on one select");
                chosen.get();
                g.join();
            }
            wins[succeeded.get()]++;
        }
        assertEquals(ROUNDS, wins[1]);
    }

    /** A close and a send race for one waiting select: it gets one of them, and the send is never lost. */
    @Test
    void aCloseAndASendRaceForOneWaitingSelect() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Chan<Integer> a = Chan.make();
            Chan<Integer> b = Chan.make();
            CompletableFuture<String> chosen = new CompletableFuture<>();
            CyclicBarrier start = new CyclicBarrier(2);
            try (GoroutineScope g = new GoroutineScope()) {
                Thread s = g.go(() -> chosen.complete(Select.select(
                        Case.recvOk(a, (v, ok) -> ok ? "a value" : "a closed"), Case.recv(b, v -> "b" + v))));
                awaitParked(s);
                g.go(() -> {
                    start.await();
                    a.close();
                });
                Thread sb = g.go(() -> {
                    start.await();
                    b.send(2);
                });
                String got = chosen.get();
                if (got.equals("a closed")) assertEquals(2, b.recv(), "round " + round + ": the send was lost");
                else assertEquals("b2", got);
                sb.join();
                g.join();
            }
        }
    }

    /**
     * A timeout and a send race: a select with a 1 ms timeout against a sender arriving about then. If the
     * select timed out, the value is still there for the next receive; if it took the value, the sender is done.
     */
    @Test
    void aTimeoutAndASendRace() throws Exception {
        int timedOut = 0;
        for (int round = 0; round < ROUNDS / 4; round++) {
            Chan<Integer> a = Chan.make();
            CompletableFuture<Integer> chosen = new CompletableFuture<>();
            try (GoroutineScope g = new GoroutineScope()) {
                g.go(() -> chosen.complete(Select.select(Case.recv(a, v -> v), Case.after(Duration.ofMillis(1), () -> -1))));
                Thread sender = g.go(() -> {
                    Thread.sleep(Duration.ofNanos(500_000 + ThreadLocalRandom.current().nextInt(1_000_000)));
                    a.send(7);
                });
                int got = chosen.get();
                if (got == -1) {
                    timedOut++;
                    Integer later = Select.select(Case.recv(a, v -> v), Case.after(Duration.ofSeconds(10), () -> null));
                    g.rethrow();
                    assertEquals(7, later, "round " + round + ": the select timed out but the value is gone"
                            + (sender.isAlive() ? "" : " (and the sender's send returned)"));
                } else {
                    assertEquals(7, got);
                }
                sender.join();
                g.join();
                assertEquals(null, a.tryRecv());
            }
        }
        // Both outcomes happen on most machines; either is correct, so only the accounting above is asserted.
    }

    /**
     * A trySend to a parked receiver races with an interrupt of that receiver: trySend true means the receiver
     * returns the value (with its interrupt status set); trySend false means the receiver threw.
     */
    @Test
    void aTrySendAndAnInterruptRaceForOneReceiver() throws Exception {
        for (ChanKind kind : ChanKind.values()) {
            for (int round = 0; round < ROUNDS / 2; round++) {
                Chan<Integer> c = kind.make();
                CompletableFuture<String> outcome = new CompletableFuture<>();
                CyclicBarrier start = new CyclicBarrier(2);
                boolean sent;
                try (GoroutineScope g = new GoroutineScope()) {
                    Thread r = g.go(() -> {
                        try {
                            outcome.complete("got " + c.recv());
                        } catch (InterruptedException e) {
                            outcome.complete("interrupted");
                        }
                    });
                    awaitParked(r);
                    g.go(() -> {
                        start.await();
                        r.interrupt();
                    });
                    start.await();
                    sent = c.trySend(5);
                    g.join();
                }
                String o = outcome.get();
                if (o.equals("got 5")) {
                    assertTrue(sent, kind + " round " + round + ": received a value nobody sent");
                } else {
                    assertEquals("interrupted", o);
                    // A buffered channel keeps a value the interrupted receiver did not take.
                    if (sent) assertEquals(new Received<>(5, true), c.tryRecv(), kind + " round " + round + ": value lost");
                    else assertEquals(null, c.tryRecv());
                }
                assertEquals(null, c.tryRecv(), kind + " round " + round + ": value delivered twice");
            }
        }
    }
}
