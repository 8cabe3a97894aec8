package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's test/closedchan.go: every operation on a closed channel, unbuffered and buffered (holding one value),
 * done directly, through a one-case select, through a larger select with a dummy case, and (go4j only)
 * through trySend/tryRecv.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoClosedChanTest {

    /** Result of Go's {@code x, ok := <-c} and of a non-blocking receive ({@code selected}: it did not default). */
    record Got(Integer x, boolean ok, boolean selected) {}

    /** closedchan.go's Chan interface. */
    interface Ops {
        void send(int x) throws InterruptedException;
        boolean nbsend(int x) throws InterruptedException;
        Integer recv() throws InterruptedException;
        Got nbrecv() throws InterruptedException;   // x, selected
        Got recv2() throws InterruptedException;    // x, ok
        Got nbrecv2() throws InterruptedException;  // x, ok, selected
        void close();
        String impl();
    }

    /** XChan: direct channel operations when possible. */
    record XChan(Chan<Integer> c) implements Ops {
        public void send(int x) throws InterruptedException { c.send(x); }
        public boolean nbsend(int x) throws InterruptedException {
            return Select.select(Case.send(c, x, () -> true), Case.otherwise(() -> false));
        }
        public Integer recv() throws InterruptedException { return c.recv(); }
        public Got nbrecv() throws InterruptedException {
            return Select.select(Case.recv(c, x -> new Got(x, false, true)), Case.otherwise(() -> new Got(null, false, false)));
        }
        public Got recv2() throws InterruptedException {
            Received<Integer> r = c.recvOk();
            return new Got(r.value(), r.ok(), true);
        }
        public Got nbrecv2() throws InterruptedException {
            return Select.select(Case.recvOk(c, (x, ok) -> new Got(x, ok, true)), Case.otherwise(() -> new Got(null, false, false)));
        }
        public void close() { c.close(); }
        public String impl() { return "(<- operator)"; }
    }

    /** SChan: indirect operations via select. */
    record SChan(Chan<Integer> c) implements Ops {
        public void send(int x) throws InterruptedException { Select.select(Case.send(c, x, () -> null)); }
        public boolean nbsend(int x) throws InterruptedException {
            return Select.select(Case.otherwise(() -> false), Case.send(c, x, () -> true));
        }
        public Integer recv() throws InterruptedException { return Select.select(Case.recv(c, x -> x)); }
        public Got nbrecv() throws InterruptedException {
            return Select.select(Case.otherwise(() -> new Got(null, false, false)), Case.recv(c, x -> new Got(x, false, true)));
        }
        public Got recv2() throws InterruptedException { return Select.select(Case.recvOk(c, (x, ok) -> new Got(x, ok, true))); }
        public Got nbrecv2() throws InterruptedException {
            return Select.select(Case.otherwise(() -> new Got(null, false, false)), Case.recvOk(c, (x, ok) -> new Got(x, ok, true)));
        }
        public void close() { c.close(); }
        public String impl() { return "(select)"; }
    }

    private static final Chan<Boolean> DUMMY = Chan.make();

    /** SSChan: indirect operations via larger selects (with a never-ready dummy case). */
    record SSChan(Chan<Integer> c) implements Ops {
        private static <R> R dummy() { throw new AssertionError("dummy case chosen"); }
        public void send(int x) throws InterruptedException {
            Select.select(Case.send(c, x, () -> null), Case.recv(DUMMY, v -> dummy()));
        }
        public boolean nbsend(int x) throws InterruptedException {
            return Select.select(Case.otherwise(() -> false), Case.recv(DUMMY, v -> dummy()), Case.send(c, x, () -> true));
        }
        public Integer recv() throws InterruptedException {
            return Select.select(Case.recv(DUMMY, v -> dummy()), Case.recv(c, x -> x));
        }
        public Got nbrecv() throws InterruptedException {
            return Select.select(Case.recv(DUMMY, v -> dummy()), Case.otherwise(() -> new Got(null, false, false)),
                    Case.recv(c, x -> new Got(x, false, true)));
        }
        public Got recv2() throws InterruptedException {
            return Select.select(Case.recv(DUMMY, v -> dummy()), Case.recvOk(c, (x, ok) -> new Got(x, ok, true)));
        }
        public Got nbrecv2() throws InterruptedException {
            return Select.select(Case.recv(DUMMY, v -> dummy()), Case.otherwise(() -> new Got(null, false, false)),
                    Case.recvOk(c, (x, ok) -> new Got(x, ok, true)));
        }
        public void close() { c.close(); }
        public String impl() { return "(larger select)"; }
    }

    /** TChan (go4j only): the non-blocking operations are trySend and tryRecv. */
    record TChan(Chan<Integer> c) implements Ops {
        public void send(int x) throws InterruptedException { c.send(x); }
        public boolean nbsend(int x) { return c.trySend(x); }
        public Integer recv() throws InterruptedException { return c.recv(); }
        public Got nbrecv() {
            Received<Integer> r = c.tryRecv();
            return r == null ? new Got(null, false, false) : new Got(r.value(), false, true);
        }
        public Got recv2() throws InterruptedException {
            Received<Integer> r = c.recvOk();
            return new Got(r.value(), r.ok(), true);
        }
        public Got nbrecv2() {
            Received<Integer> r = c.tryRecv();
            return r == null ? new Got(null, false, false) : new Got(r.value(), r.ok(), true);
        }
        public void close() { c.close(); }
        public String impl() { return "(trySend/tryRecv)"; }
    }

    private static final List<Function<Chan<Integer>, Ops>> MKS = List.of(XChan::new, SChan::new, SSChan::new, TChan::new);

    private static void test1(Ops c) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            // recv a close signal (a zero value)
            assertNull(c.recv(), "test1: recv on closed " + c.impl());
            Got r2 = c.recv2();
            assertTrue(r2.x() == null && !r2.ok(), "test1: recv2 on closed " + r2 + " " + c.impl());
            // should work with select: received a value without blocking, so selected == true.
            Got nb = c.nbrecv();
            assertTrue(nb.x() == null && nb.selected(), "test1: recv on closed nb " + nb + " " + c.impl());
            Got nb2 = c.nbrecv2();
            assertTrue(nb2.x() == null && !nb2.ok() && nb2.selected(), "test1: recv2 on closed nb " + nb2 + " " + c.impl());
        }
        // a non-blocking send on a closed channel panics too
        assertThrows(ChanClosedException.class, () -> c.nbsend(1), c.impl());
        // the value should have been discarded.
        assertNull(c.recv(), "test1: recv on closed got non-zero after send on closed " + c.impl());
        // similarly send.
        assertThrows(ChanClosedException.class, () -> c.send(2), c.impl());
        assertNull(c.recv(), "test1: recv on closed got non-zero after send on closed " + c.impl());
    }

    private static void testasync1(Ops c) throws InterruptedException {
        // should be able to get the last value via recv
        assertEquals(1, c.recv(), "testasync1: Recv did not get 1 " + c.impl());
        test1(c);
    }

    private static void testasync2(Ops c) throws InterruptedException {
        // should be able to get the last value via recv2
        assertEquals(new Got(1, true, true), c.recv2(), "testasync2 " + c.impl());
        test1(c);
    }

    private static void testasync3(Ops c) throws InterruptedException {
        // should be able to get the last value via nbrecv
        assertEquals(new Got(1, false, true), c.nbrecv(), "testasync3 " + c.impl());
        test1(c);
    }

    private static void testasync4(Ops c) throws InterruptedException {
        // should be able to get the last value via nbrecv2
        assertEquals(new Got(1, true, true), c.nbrecv2(), "testasync4 " + c.impl());
        test1(c);
    }

    private static Chan<Integer> closedsync() {
        Chan<Integer> c = Chan.make();
        c.close();
        return c;
    }

    private static Chan<Integer> closedasync() throws InterruptedException {
        Chan<Integer> c = Chan.make(2);
        c.send(1);
        c.close();
        return c;
    }

    @FunctionalInterface
    interface ClosedTest {
        void run(Ops c) throws InterruptedException;
    }

    /** closedchan.go main: test1 on a closed unbuffered channel, every way. */
    @Test
    void closedUnbuffered() throws InterruptedException {
        for (Function<Chan<Integer>, Ops> mk : MKS) test1(mk.apply(closedsync()));
    }

    /** closedchan.go main: testasync1..4 on a closed buffered channel still holding 1, every way. */
    @Test
    void closedBufferedHoldingAValue() throws InterruptedException {
        List<ClosedTest> tests = List.of(GoClosedChanTest::testasync1, GoClosedChanTest::testasync2,
                GoClosedChanTest::testasync3, GoClosedChanTest::testasync4);
        for (ClosedTest t : tests) {
            for (Function<Chan<Integer>, Ops> mk : MKS) t.run(mk.apply(closedasync()));
        }
    }

    /** closedchan.go main: close of a nil channel panics, and so does a second close. */
    @Test
    void closeOfNilAndDoubleClosePanic() {
        Chan<Integer> ch = Chan.nil();
        assertEquals("close of nil channel", assertThrows(ChanClosedException.class, ch::close).getMessage());
        Chan<Integer> c = Chan.make();
        c.close();
        assertEquals("close of closed channel", assertThrows(ChanClosedException.class, c::close).getMessage());
    }

    /** The four wrappers agree on an open channel too (a sanity check of the port itself). */
    @Test
    void wrappersOnAnOpenBufferedChannel() throws InterruptedException {
        for (Function<Chan<Integer>, Ops> mk : MKS) {
            Ops c = mk.apply(Chan.make(1));
            assertEquals(new Got(null, false, false), c.nbrecv(), c.impl());
            assertTrue(c.nbsend(5), c.impl());
            assertFalse(c.nbsend(6), c.impl());
            assertEquals(new Got(5, true, true), c.nbrecv2(), c.impl());
            c.send(7);
            assertEquals(7, c.recv(), c.impl());
            c.close();
            test1(c);
        }
    }
}
