package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** golang.org/x/sync singleflight/singleflight_test.go, ported (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class SingleFlightTest {

    // singleflight_test.go TestDo
    @Test
    void testDo() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        SingleFlight.Result<Object> r = g.run("key", () -> "bar");
        assertEquals("bar", r.value());
        assertNull(r.error());
        assertFalse(r.shared());
    }

    // singleflight_test.go TestDoErr
    @Test
    void testDoErr() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        Exception someErr = new Exception("Some error");
        SingleFlight.Result<Object> r = g.run("key", () -> { throw someErr; });
        assertSame(someErr, r.error());
        assertNull(r.value());
    }

    // singleflight_test.go TestDoDupSuppress
    @Test
    void testDoDupSuppress() throws InterruptedException {
        SingleFlight<String, String> g = new SingleFlight<>();
        WaitGroup wg1 = new WaitGroup();
        WaitGroup wg2 = new WaitGroup();
        Chan<String> c = Chan.make(1);
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.Callable<String> fn = () -> {
            if (calls.incrementAndGet() == 1) wg1.done(); // first invocation
            String v = c.recv();
            c.send(v); // pump; make available for any future calls
            Thread.sleep(10); // let more goroutines enter run
            return v;
        };
        int n = 10;
        wg1.add(1);
        AtomicInteger shared = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            wg1.add(1);
            wg2.add(1);
            Go.go(() -> {
                try {
                    wg1.done();
                    SingleFlight.Result<String> r = g.run("key", fn);
                    assertNull(r.error());
                    assertEquals("bar", r.value());
                    if (r.shared()) shared.incrementAndGet();
                } finally {
                    wg2.done();
                }
            });
        }
        wg1.await();
        // At least one goroutine is in fn now and all of them have at least reached the line before run.
        c.send("bar");
        wg2.await();
        int got = calls.get();
        assertTrue(got > 0 && got < n, "number of calls = " + got + "; want over 0 and less than " + n);
        assertTrue(shared.get() >= 2, "duplicates report shared, and so does the caller they joined");
    }

    // singleflight_test.go TestForget
    @Test
    void testForget() throws InterruptedException {
        SingleFlight<String, Integer> g = new SingleFlight<>();
        Chan<Void> firstStarted = Chan.make();
        Chan<Void> unblockFirst = Chan.make();
        Chan<Void> firstFinished = Chan.make();
        Go.go(() -> g.run("key", () -> {
            firstStarted.close();
            unblockFirst.recv();
            firstFinished.close();
            return null;
        }));
        firstStarted.recv();
        g.forget("key");

        Chan<Void> unblockSecond = Chan.make();
        RecvChan<SingleFlight.Result<Integer>> secondResult = g.runChan("key", () -> {
            unblockSecond.recv();
            return 2;
        });
        unblockFirst.close();
        firstFinished.recv();

        RecvChan<SingleFlight.Result<Integer>> thirdResult = g.runChan("key", () -> 3);
        unblockSecond.close();
        secondResult.recv();
        SingleFlight.Result<Integer> r = thirdResult.recv();
        assertEquals(2, r.value(), "we should receive the result produced by the second call");
        assertTrue(r.shared());
    }

    // singleflight_test.go TestDoChan
    @Test
    void testDoChan() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        SingleFlight.Result<Object> res = g.runChan("key", () -> "bar").recv();
        assertEquals("bar", res.value());
        assertNull(res.error());
    }

    // singleflight_test.go TestPanicDo: what fn throws reaches every caller, and the group is usable after.
    @Test
    void testPanicDo() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        RuntimeException boom = new NullPointerException("invalid memory address or nil pointer dereference");
        Chan<Boolean> release = Chan.make();
        int n = 5;
        AtomicInteger failures = new AtomicInteger();
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < n; i++) {
            wg.go(() -> {
                try {
                    SingleFlight.Result<Object> r = g.run("key", () -> {
                        release.recv();
                        throw boom;
                    });
                    if (r.error() == boom) failures.incrementAndGet();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        }
        Thread.sleep(20);
        release.close();
        wg.await();
        assertEquals(n, failures.get());
        assertEquals("ok", g.run("key", () -> "ok").value());
    }

    // A runChan caller may join a run flight and the other way round.
    @Test
    void runAndRunChanShareOneFlight() throws InterruptedException {
        SingleFlight<Integer, String> g = new SingleFlight<>();
        Chan<Boolean> release = Chan.make();
        AtomicInteger calls = new AtomicInteger();
        Chan<SingleFlight.Result<String>> first = Chan.make(1);
        Go.go(() -> first.send(g.run(1, () -> {
            calls.incrementAndGet();
            release.recv();
            return "v";
        })));
        while (calls.get() == 0) Thread.yield();
        RecvChan<SingleFlight.Result<String>> joined = g.runChan(1, () -> "other");
        release.send(true);
        assertEquals(new SingleFlight.Result<>("v", null, true), joined.recv());
        assertEquals(new SingleFlight.Result<>("v", null, true), first.recv());
        assertEquals(1, calls.get());
        assertThrows(NullPointerException.class, () -> g.run(null, () -> "x"));
        assertThrows(NullPointerException.class, () -> g.runChan(1, null));
    }
}
