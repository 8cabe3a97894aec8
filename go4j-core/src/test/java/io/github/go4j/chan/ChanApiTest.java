package io.github.go4j.chan;

import static io.github.go4j.chan.GoroutineScope.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parts of the channel and select contract that do not depend on a channel kind: bad input, nil channels. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChanApiTest {

    @Test
    void negativeCapacityIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Chan.make(-1));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Chan.make(Integer.MIN_VALUE));
    }

    @Test
    void zeroCapacityIsUnbuffered() {
        Chan<Integer> c = Chan.make(0);
        assertEquals(0, c.cap());
        assertFalse(c.trySend(1), "an unbuffered channel with no receiver took a value");
        assertEquals(0, Chan.make().cap());
    }

    @Test
    void chanClosedExceptionIsAnIllegalStateException() {
        ChanClosedException e = new ChanClosedException("send on closed channel");
        assertInstanceOf(IllegalStateException.class, e);
        assertEquals("send on closed channel", e.getMessage());
    }

    @Test
    void receivedClosedIsTheZeroReceive() {
        assertEquals(new Received<>(null, false), Received.closed());
        assertSame(Received.closed(), Received.closed());
    }

    @Test
    void iteratorHasNextIsRepeatableAndNextAfterEndThrows() throws InterruptedException {
        Chan<Integer> c = Chan.make(4);
        c.send(1);
        c.send(2);
        c.close();
        Iterator<Integer> it = c.iterator();
        assertTrue(it.hasNext());
        assertTrue(it.hasNext(), "a second hasNext must not consume a value");
        assertEquals(1, it.next());
        assertEquals(2, it.next());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void nextWithoutHasNextReceives() throws InterruptedException {
        Chan<Integer> c = Chan.make(2);
        c.send(8);
        c.close();
        Iterator<Integer> it = c.iterator();
        assertEquals(8, it.next());
        assertThrows(NoSuchElementException.class, it::next);
    }

    // ---- Chan.nil() ----

    @Test
    void nilChannelIsNeverReadyWithoutBlocking() {
        Chan<Integer> nil = Chan.nil();
        assertFalse(nil.trySend(1));
        assertNull(nil.tryRecv());
        assertEquals(0, nil.len());
        assertEquals(0, nil.cap());
        ChanClosedException e = assertThrows(ChanClosedException.class, nil::close);
        assertEquals("close of nil channel", e.getMessage());
        assertThrows(NullPointerException.class, () -> nil.trySend(null));
        // Still nil after a failed close.
        assertNull(nil.tryRecv());
        assertEquals("close of nil channel", assertThrows(ChanClosedException.class, nil::close).getMessage());
    }

    @Test
    void nilChannelSendBlocksUntilInterrupted() throws Exception {
        assertBlocksUntilInterrupted(() -> Chan.<Integer>nil().send(1));
    }

    @Test
    void nilChannelRecvBlocksUntilInterrupted() throws Exception {
        assertBlocksUntilInterrupted(() -> Chan.<Integer>nil().recv());
    }

    @Test
    void nilChannelRecvOkBlocksUntilInterrupted() throws Exception {
        assertBlocksUntilInterrupted(() -> Chan.<Integer>nil().recvOk());
    }

    @Test
    void nilChannelCasesAreNeverChosen() throws InterruptedException {
        Chan<Integer> nil = Chan.nil();
        for (int i = 0; i < 100; i++) {
            assertEquals("default", Select.select(
                    Case.recv(nil, v -> "recv"), Case.send(nil, 1, () -> "send"),
                    Case.recvOk(nil, (v, ok) -> "recvOk"), Case.otherwise(() -> "default")));
        }
        Chan<Integer> ready = Chan.make(1);
        for (int i = 0; i < 100; i++) {
            assertTrue(ready.trySend(i));
            assertEquals("ready " + i, Select.select(
                    Case.recv(nil, v -> "nil"), Case.recv(ready, v -> "ready " + v), Case.send(nil, 1, () -> "nil send")));
        }
    }

    @Test
    void nullChannelCaseIsANilChannelCase() throws InterruptedException {
        RecvChan<Integer> none = null;
        SendChan<Integer> noneOut = null;
        for (int i = 0; i < 100; i++) {
            assertEquals("default", Select.select(
                    Case.recv(none, v -> "recv"), Case.send(noneOut, 1, () -> "send"),
                    Case.recvOk(none, (v, ok) -> "recvOk"), Case.otherwise(() -> "default")));
        }
        Chan<Integer> closed = Chan.make();
        closed.close();
        for (int i = 0; i < 100; i++) {
            assertEquals("closed", Select.select(Case.recv(none, v -> "none"), Case.recv(closed, v -> "closed")));
        }
    }

    @Test
    void selectOfOnlyNilCasesBlocksUntilInterrupted() throws Exception {
        assertBlocksUntilInterrupted(() -> Select.select(
                Case.recv(Chan.<Integer>nil(), v -> "recv"), Case.send(Chan.<Integer>nil(), 1, () -> "send")));
        assertBlocksUntilInterrupted(() -> Select.select(Case.recv((RecvChan<Integer>) null, v -> "recv")));
    }

    @Test
    void emptySelectBlocksUntilInterrupted() throws Exception {
        assertBlocksUntilInterrupted(() -> Select.<String>select());
    }

    @Test
    void nilChannelIterationBlocksUntilInterrupted() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    for (Integer v : Chan.<Integer>nil()) thrown.complete(new AssertionError("got " + v));
                    thrown.complete(new AssertionError("iteration over nil ended"));
                } catch (java.util.concurrent.CancellationException e) {
                    thrown.complete(e);
                }
            });
            awaitParked(t);
            assertTrue(t.isAlive());
            t.interrupt();
            g.join();
        }
        assertInstanceOf(java.util.concurrent.CancellationException.class, thrown.getNow(null));
    }

    // ---- Case and Select arguments ----

    @Test
    void caseArgumentsAreCheckedNamingTheArgument() {
        Chan<Integer> c = Chan.make(1);
        assertNpeNaming("then", () -> Case.recv(c, null));
        assertNpeNaming("then", () -> Case.recvOk(c, null));
        assertNpeNaming("then", () -> Case.send(c, 1, null));
        assertNpeNaming("value", () -> Case.send(c, null, () -> 1));
        assertNpeNaming("delay", () -> Case.after(null, () -> 1));
        assertNpeNaming("then", () -> Case.after(Duration.ZERO, null));
        assertNpeNaming("then", () -> Case.otherwise(null));
    }

    @Test
    void selectRejectsNullCases() {
        assertThrows(NullPointerException.class, () -> Select.select((Case<Object>[]) null));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Select.select(Case.otherwise(() -> 1), null));
        assertTrue(String.valueOf(e.getMessage()).contains("cases"), e.getMessage());
    }

    @Test
    void moreThanOneOtherwiseIsRejected() throws InterruptedException {
        Chan<Integer> ready = Chan.make(1);
        ready.send(1);
        assertThrows(IllegalArgumentException.class,
                () -> Select.select(Case.otherwise(() -> 1), Case.recv(ready, v -> 2), Case.otherwise(() -> 3)));
        assertEquals(1, ready.len(), "a rejected select must not communicate");
    }

    @Test
    void selectOfOnlyADefaultRunsIt() throws InterruptedException {
        // reflect's TestSelectNop: "select { default: }" always returns the default case.
        assertEquals("default", Select.select(Case.otherwise(() -> "default")));
    }

    @Test
    void selectRejectsAChannelNotMadeByGo4j() {
        RecvChan<Integer> foreign = new RecvChan<>() {
            @Override public Integer recv() { return 1; }
            @Override public Received<Integer> recvOk() { return new Received<>(1, true); }
            @Override public Received<Integer> tryRecv() { return new Received<>(1, true); }
            @Override public int len() { return 1; }
            @Override public int cap() { return 1; }
            @Override public java.util.stream.Stream<Integer> stream() { return java.util.stream.Stream.of(1); }
            @Override public Iterator<Integer> iterator() { return java.util.List.of(1).iterator(); }
        };
        assertThrows(IllegalArgumentException.class, () -> Select.select(Case.recv(foreign, v -> v)));
    }

    private static void assertNpeNaming(String argument, org.junit.jupiter.api.function.Executable e) {
        NullPointerException npe = assertThrows(NullPointerException.class, e);
        assertTrue(String.valueOf(npe.getMessage()).contains(argument),
                "NPE should name '" + argument + "', was: " + npe.getMessage());
    }

    /** Runs {@code op} on a goroutine, checks it parks and stays blocked, then that an interrupt ends it with InterruptedException. */
    static void assertBlocksUntilInterrupted(io.github.go4j.Go.Task op) throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (GoroutineScope g = new GoroutineScope()) {
            Thread t = g.go(() -> {
                try {
                    op.run();
                    thrown.complete(new AssertionError("returned instead of blocking"));
                } catch (InterruptedException e) {
                    thrown.complete(e);
                }
            });
            awaitParked(t);
            assertFalse(thrown.isDone(), () -> "did not block: " + thrown.getNow(null));
            t.interrupt();
            g.join();
        }
        assertInstanceOf(InterruptedException.class, thrown.getNow(null));
    }
}
