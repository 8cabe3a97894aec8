package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Chan} (its javadoc and API.md), run over every {@link ChanKind}: a new kind of
 * channel inherits the whole suite.
 */
@ParameterizedClass
@EnumSource(ChanKind.class)
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChanConformanceTest {

    @Parameter
    ChanKind kind;

    private <T> Chan<T> make() {
        return kind.make();
    }

    /** Fills a buffered channel to capacity with 0, 1, ...; nothing for an unbuffered one. */
    private static void fill(Chan<Integer> c) throws InterruptedException {
        for (int i = 0; i < c.cap(); i++) c.send(i);
    }

    @Test
    void newChannelHasLenZeroAndItsCapacity() {
        Chan<Integer> c = make();
        assertEquals(0, c.len());
        assertEquals(kind.capacity, c.cap());
        RecvChan<Integer> r = c;
        SendChan<Integer> s = c;
        assertEquals(kind.capacity, r.cap());
        assertEquals(kind.capacity, s.cap());
    }

    @Test
    void nullValuesAreRejectedAtOnceNamingTheArgument() throws InterruptedException {
        Chan<Integer> c = make();
        NullPointerException e1 = assertThrows(NullPointerException.class, () -> c.send(null));
        assertNotNull(e1.getMessage());
        assertTrue(e1.getMessage().contains("value"), e1.getMessage());
        NullPointerException e2 = assertThrows(NullPointerException.class, () -> c.trySend(null));
        assertTrue(String.valueOf(e2.getMessage()).contains("value"), e2.getMessage());
        NullPointerException e3 = assertThrows(NullPointerException.class, () -> Case.send(c, null, () -> 0));
        assertTrue(String.valueOf(e3.getMessage()).contains("value"), e3.getMessage());
        assertEquals(0, c.len());
        assertNull(c.tryRecv(), "a rejected null must leave nothing behind");
        c.close();
        // Null is rejected before the closed check too: the argument is wrong whatever the channel's state.
        assertThrows(NullPointerException.class, () -> c.send(null));
    }

    @Test
    void valuesFromOneSenderArriveInOrder() throws Exception {
        Chan<Integer> c = make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                for (int i = 0; i < 1000; i++) c.send(i);
            });
            for (int i = 0; i < 1000; i++) assertEquals(i, c.recv());
            g.join();
        }
    }

    @Test
    void recvBlocksOnAnEmptyChannelUntilASend() throws Exception {
        Chan<Integer> c = make();
        AtomicReference<Integer> got = new AtomicReference<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> got.set(c.recv()));
            awaitParked(t);
            assertTrue(t.isAlive(), "receive from an empty channel returned");
            assertNull(got.get());
            c.send(42);
            g.join();
            assertEquals(42, got.get());
        }
    }

    @Test
    void sendBlocksOnAFullChannelUntilAReceive() throws Exception {
        Chan<Integer> c = make();
        fill(c);
        assertEquals(kind.capacity, c.len());
        AtomicBoolean sent = new AtomicBoolean();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                c.send(1000);
                sent.set(true);
            });
            awaitParked(t);
            assertFalse(sent.get(), "send to a full channel returned");
            assertEquals(kind.capacity, c.len(), "len may never exceed cap");
            assertFalse(c.trySend(7), "trySend on a full channel succeeded");
            for (int i = 0; i < kind.capacity; i++) assertEquals(i, c.recv());
            assertEquals(1000, c.recv());
            g.join();
            assertTrue(sent.get());
            assertEquals(0, c.len());
        }
    }

    @Test
    void trySendTakesFreeSpaceOrAWaitingReceiverAndNothingElse() throws Exception {
        Chan<Integer> c = make();
        for (int i = 0; i < kind.capacity; i++) assertTrue(c.trySend(i), "trySend with free space failed");
        assertFalse(c.trySend(-1), "trySend with no space and no receiver succeeded");
        assertEquals(kind.capacity, c.len());
        for (int i = 0; i < kind.capacity; i++) assertEquals(i, c.recv());
        // Now empty: a parked receiver makes trySend succeed on every kind.
        AtomicReference<Integer> got = new AtomicReference<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> got.set(c.recv()));
            awaitParked(t);
            assertTrue(c.trySend(77), "trySend with a waiting receiver failed");
            g.join();
            assertEquals(77, got.get());
        }
    }

    @Test
    void tryRecvReturnsNullWhenItWouldBlock() throws Exception {
        Chan<Integer> c = make();
        assertNull(c.tryRecv());
        if (kind.capacity > 0) {
            c.send(5);
            assertEquals(new Received<>(5, true), c.tryRecv());
            assertNull(c.tryRecv());
        }
        // A parked sender makes tryRecv succeed on every kind.
        fill(c);
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> c.send(99));
            awaitParked(t);
            for (int i = 0; i < kind.capacity; i++) assertEquals(new Received<>(i, true), c.tryRecv());
            assertEquals(new Received<>(99, true), c.tryRecv(), "tryRecv missed a waiting sender");
            g.join();
            assertNull(c.tryRecv());
        }
    }

    @Test
    void bufferedValuesAreStillDeliveredAfterClose() throws InterruptedException {
        Chan<Integer> c = make();
        fill(c);
        c.close();
        assertEquals(kind.capacity, c.len());
        for (int i = 0; i < kind.capacity; i++) {
            if (i % 2 == 0) assertEquals(i, c.recv());
            else assertEquals(new Received<>(i, true), c.recvOk());
        }
        assertNull(c.recv());
        assertEquals(new Received<>(null, false), c.recvOk());
        assertEquals(new Received<>(null, false), c.tryRecv(), "tryRecv on a closed, drained channel");
        assertEquals(0, c.len());
        assertEquals(kind.capacity, c.cap(), "close changes no capacity");
        for (int i = 0; i < 10; i++) assertNull(c.recv(), "a closed channel stays closed");
    }

    @Test
    void closeWakesEveryBlockedReceiver() throws Exception {
        Chan<Integer> c = make();
        CompletableFuture<Integer> plain = new CompletableFuture<>();
        CompletableFuture<Received<Integer>> withOk = new CompletableFuture<>();
        CompletableFuture<String> selected = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread a = g.go(() -> plain.complete(c.recv()));
            Thread b = g.go(() -> withOk.complete(c.recvOk()));
            Thread s = g.go(() -> selected.complete(Select.select(
                    Case.recvOk(c, (v, ok) -> v + "/" + ok))));
            awaitParked(a, b, s);
            c.close();
            g.join();
            assertNull(plain.getNow(-1));
            assertEquals(new Received<>(null, false), withOk.getNow(null));
            assertEquals("null/false", selected.getNow(null));
        }
    }

    @Test
    void closeMakesEveryBlockedSenderThrowAndTheirValuesAreNotDelivered() throws Exception {
        Chan<Integer> c = make();
        fill(c);
        List<CompletableFuture<Throwable>> thrown = new ArrayList<>();
        try (GoroutineScope g = new GoroutineScope()) {
            List<Thread> senders = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                CompletableFuture<Throwable> f = new CompletableFuture<>();
                thrown.add(f);
                final int value = 1000 + k;
                senders.add(g.go(() -> {
                    try {
                        c.send(value);
                        f.complete(null);
                    } catch (Throwable e) {
                        f.complete(e);
                    }
                }));
            }
            for (Thread t : senders) awaitParked(t);
            c.close();
            g.join();
        }
        for (CompletableFuture<Throwable> f : thrown) {
            Throwable e = f.getNow(null);
            assertInstanceOf(ChanClosedException.class, e, "a blocked sender must throw when the channel is closed");
            assertEquals("send on closed channel", e.getMessage());
        }
        for (int i = 0; i < kind.capacity; i++) assertEquals(i, c.recv());
        assertEquals(new Received<>(null, false), c.recvOk(), "a failed send's value was delivered");
    }

    @Test
    void closeMakesABlockedSelectSendThrow() throws Exception {
        Chan<Integer> c = make();
        fill(c);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    Select.select(Case.send(c, 1000, () -> "sent"), Case.recv(Chan.<Integer>make(), v -> "other"));
                    thrown.complete(null);
                } catch (Throwable e) {
                    thrown.complete(e);
                }
            });
            awaitParked(t);
            c.close();
            g.join();
        }
        Throwable e = thrown.getNow(null);
        assertInstanceOf(ChanClosedException.class, e);
        assertEquals("send on closed channel", e.getMessage());
    }

    @Test
    void sendOnAClosedChannelThrowsEveryWay() throws InterruptedException {
        Chan<Integer> c = make();
        c.close();
        ChanClosedException e1 = assertThrows(ChanClosedException.class, () -> c.send(1));
        assertEquals("send on closed channel", e1.getMessage());
        ChanClosedException e2 = assertThrows(ChanClosedException.class, () -> c.trySend(1));
        assertEquals("send on closed channel", e2.getMessage());
        ChanClosedException e3 = assertThrows(ChanClosedException.class,
                () -> Select.select(Case.send(c, 1, () -> "sent")));
        assertEquals("send on closed channel", e3.getMessage());
        ChanClosedException e4 = assertThrows(ChanClosedException.class,
                () -> Select.select(Case.send(c, 1, () -> "sent"), Case.otherwise(() -> "default")));
        assertEquals("send on closed channel", e4.getMessage());
        assertInstanceOf(IllegalStateException.class, e1);
        assertEquals(new Received<>(null, false), c.recvOk(), "a value sent on a closed channel was delivered");
    }

    @Test
    void secondCloseThrows() {
        Chan<Integer> c = make();
        c.close();
        ChanClosedException e = assertThrows(ChanClosedException.class, c::close);
        assertEquals("close of closed channel", e.getMessage());
        SendChan<Integer> s = c;
        assertEquals("close of closed channel", assertThrows(ChanClosedException.class, s::close).getMessage());
    }

    @Test
    void iterationEndsWhenClosedAndDrained() throws Exception {
        Chan<Integer> c = make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                for (int i = 0; i < 100; i++) c.send(i);
                c.close();
            });
            List<Integer> got = new ArrayList<>();
            for (int v : c) got.add(v);
            assertEquals(IntStream.range(0, 100).boxed().toList(), got);
            g.join();
        }
        Iterator<Integer> it = c.iterator();
        assertFalse(it.hasNext(), "iterator over a closed, drained channel");
    }

    @Test
    void streamEndsWhenClosedAndDrained() throws Exception {
        Chan<Integer> c = make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                for (int i = 0; i < 100; i++) c.send(i);
                c.close();
            });
            assertEquals(IntStream.range(0, 100).boxed().toList(), c.stream().toList());
            g.join();
        }
        assertEquals(0, c.stream().count());
    }

    @Test
    void streamIsLazyAndNeedsNoClose() throws Exception {
        Chan<Integer> c = make();
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                for (int i = 0; ; i++) c.send(i); // never closed
            });
            assertEquals(List.of(0, 1, 2), c.stream().limit(3).toList());
            Iterator<Integer> it = c.iterator();
            assertTrue(it.hasNext());
            assertEquals(3, it.next());
        }
    }

    @Test
    void interruptedIterationThrowsCancellationLosingNoValue() throws Exception {
        Chan<Integer> c = make();
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    for (int v : c) thrown.complete(new AssertionError("iterated " + v));
                    thrown.complete(new AssertionError("iteration ended"));
                } catch (CancellationException e) {
                    thrown.complete(Thread.currentThread().isInterrupted() ? e
                            : new AssertionError("interrupt status not set again", e));
                }
            });
            awaitParked(t);
            t.interrupt();
            g.join();
        }
        assertInstanceOf(CancellationException.class, thrown.getNow(null));
        if (kind.capacity > 0) {
            assertTrue(c.trySend(5));
            assertEquals(1, c.len(), "an interrupted iterator consumed a value sent later");
        } else {
            assertFalse(c.trySend(5), "an interrupted iterator is still matched as a receiver");
        }
    }

    @Test
    void interruptedRecvThrowsAndConsumesNothing() throws Exception {
        Chan<Integer> c = make();
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    thrown.complete(new AssertionError("received " + c.recv()));
                } catch (InterruptedException e) {
                    thrown.complete(e);
                }
            });
            awaitParked(t);
            t.interrupt();
            g.join();
        }
        assertInstanceOf(InterruptedException.class, thrown.getNow(null));
        if (kind.capacity > 0) {
            assertTrue(c.trySend(5));
            assertEquals(1, c.len());
            assertEquals(5, c.recv());
        } else {
            assertFalse(c.trySend(5), "an interrupted receiver is still matched");
        }
        // The channel still works both ways.
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> c.send(6));
            assertEquals(6, c.recv());
            g.join();
        }
    }

    @Test
    void interruptedRecvOkThrowsAndConsumesNothing() throws Exception {
        Chan<Integer> c = make();
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    thrown.complete(new AssertionError("received " + c.recvOk()));
                } catch (InterruptedException e) {
                    thrown.complete(e);
                }
            });
            awaitParked(t);
            t.interrupt();
            g.join();
        }
        assertInstanceOf(InterruptedException.class, thrown.getNow(null));
        assertEquals(kind.capacity > 0, c.trySend(5));
    }

    @Test
    void interruptedSendThrowsAndDeliversNothing() throws Exception {
        Chan<Integer> c = make();
        fill(c);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    c.send(1000);
                    thrown.complete(new AssertionError("send returned"));
                } catch (InterruptedException e) {
                    thrown.complete(e);
                }
            });
            awaitParked(t);
            t.interrupt();
            g.join();
        }
        assertInstanceOf(InterruptedException.class, thrown.getNow(null));
        for (int i = 0; i < kind.capacity; i++) assertEquals(new Received<>(i, true), c.tryRecv());
        assertNull(c.tryRecv(), "the interrupted send's value was delivered");
        assertEquals(0, c.len());
        c.close();
        assertEquals(new Received<>(null, false), c.recvOk());
    }

    @Test
    void interruptedSelectThrowsAndNoCaseHappens() throws Exception {
        Chan<Integer> c = make();
        Chan<Integer> full = make();
        fill(full);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    String r = Select.select(Case.recv(c, v -> "recv " + v), Case.send(full, 1000, () -> "sent"));
                    thrown.complete(new AssertionError("select returned " + r));
                } catch (InterruptedException e) {
                    thrown.complete(e);
                }
            });
            awaitParked(t);
            t.interrupt();
            g.join();
        }
        assertInstanceOf(InterruptedException.class, thrown.getNow(null));
        assertEquals(kind.capacity > 0, c.trySend(1), "the interrupted select still receives");
        for (int i = 0; i < kind.capacity; i++) assertEquals(new Received<>(i, true), full.tryRecv());
        assertNull(full.tryRecv(), "the interrupted select's send happened");
    }

    @Test
    void closedChannelIsReadyForSelectReceive() throws InterruptedException {
        Chan<Integer> c = make();
        c.close();
        for (int i = 0; i < 5; i++) {
            assertEquals("closed", Select.select(Case.recvOk(c, (v, ok) -> v == null && !ok ? "closed" : "value"),
                    Case.otherwise(() -> "default")));
        }
    }

    @Test
    void selectWithDefaultTakesAReadyValue() throws Exception {
        Chan<Integer> c = make();
        if (kind.capacity > 0) {
            c.send(3);
            assertEquals("got 3", Select.select(Case.recv(c, v -> "got " + v), Case.otherwise(() -> "default")));
        }
        try (GoroutineScope g = new GoroutineScope()) {
            fill(c);
            Thread t = g.go(() -> c.send(4));
            awaitParked(t);
            for (int i = 0; i < kind.capacity; i++) c.recv();
            assertEquals("got 4", Select.select(Case.recv(c, v -> "got " + v), Case.otherwise(() -> "default")));
            g.join();
        }
        assertEquals("default", Select.select(Case.recv(c, v -> "got " + v), Case.otherwise(() -> "default")));
    }

    @Test
    void directionViewsShareOneChannel() throws Exception {
        Chan<String> c = make();
        SendChan<String> out = c;
        RecvChan<String> in = c;
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                out.send("a");
                out.send("b");
                out.close();
            });
            assertEquals("a", in.recv());
            assertEquals(new Received<>("b", true), in.recvOk());
            assertEquals(new Received<>(null, false), in.recvOk());
            g.join();
        }
    }
}
