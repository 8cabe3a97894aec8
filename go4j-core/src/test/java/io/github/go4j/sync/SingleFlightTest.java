package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.PanicHandler;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    // singleflight_test.go TestPanicDo, for an unchecked exception (Go's nil dereference panics; Java's NPE is an
    // Exception, so it is the flight's error): it reaches every caller, and the group is usable after. An Error
    // is Go's panic: anErrorFromFnIsRethrownInEveryCaller.
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

    /** Waits until {@code t} is parked (a caller that joined a flight waits for it). */
    private static void awaitWaiting(Thread t) {
        while (t.getState() != Thread.State.WAITING) Thread.onSpinWait();
    }

    // singleflight_test.go TestPanicDo, for what Java calls an Error (Go's panic): not a result, but rethrown in
    // every caller that shares the flight, the same instance.
    @Test
    void anErrorFromFnIsRethrownInEveryCaller() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        AssertionError boom = new AssertionError("boom");
        Chan<Boolean> started = Chan.make(1);
        Chan<Boolean> release = Chan.make();
        List<Throwable> thrown = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(Go.go(() -> {
                try {
                    g.run("key", () -> {
                        started.send(true);
                        release.recv();
                        throw boom;
                    });
                } catch (Throwable t) {
                    synchronized (thrown) {
                        thrown.add(t);
                    }
                }
            }));
            if (i == 0) started.recv(); // the first caller runs fn; the others join its flight
            awaitWaiting(callers.get(i));
        }
        release.send(true);
        for (Thread t : callers) t.join();
        assertEquals(List.of(boom, boom, boom, boom), thrown);
        assertEquals("ok", g.run("key", () -> "ok").value(), "the group is usable after");
    }

    /** Replaces the panic handler for the test; {@link #handled} opens on the first panic. */
    private final AtomicReference<Throwable> panic = new AtomicReference<>();
    private final CountDownLatch handled = new CountDownLatch(1);

    private PanicHandler capturePanics() {
        return Go.setPanicHandler((thread, goid, p) -> {
            panic.compareAndSet(null, p);
            handled.countDown();
        });
    }

    // x/sync DoChan: a panicking fn re-panics on a goroutine, and the channels receive nothing.
    @Test
    void anErrorInARunChanFlightIsAPanicAndNoResult() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        AssertionError boom = new AssertionError("boom");
        PanicHandler previous = capturePanics();
        try {
            RecvChan<SingleFlight.Result<Object>> ch = g.runChan("key", () -> { throw boom; });
            assertTrue(handled.await(10, TimeUnit.SECONDS), "the Error never became a panic");
            assertSame(boom, panic.get());
            assertNull(ch.tryRecv(), "a runChan caller got a result for a flight that panicked");
        } finally {
            Go.setPanicHandler(previous);
        }
    }

    // A run caller's flight that a runChan caller joined: run rethrows, and the Error is also a panic (the
    // channel's caller would otherwise wait for ever without a trace).
    @Test
    void anErrorInARunFlightJoinedByRunChanIsRethrownAndAPanic() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        AssertionError boom = new AssertionError("boom");
        Chan<Boolean> started = Chan.make(1);
        Chan<Boolean> release = Chan.make();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        PanicHandler previous = capturePanics();
        try {
            Thread runner = Go.go(() -> {
                try {
                    g.run("key", () -> {
                        started.send(true);
                        release.recv();
                        throw boom;
                    });
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            started.recv();
            RecvChan<SingleFlight.Result<Object>> ch = g.runChan("key", () -> "other");
            release.send(true);
            runner.join();
            assertSame(boom, thrown.get());
            assertTrue(handled.await(10, TimeUnit.SECONDS), "the Error never became a panic");
            assertSame(boom, panic.get());
            assertNull(ch.tryRecv());
        } finally {
            Go.setPanicHandler(previous);
        }
    }

    // An InterruptedException from fn is the flight's error; the caller whose thread ran fn (and was
    // interrupted) keeps its interrupt status, a duplicate's is untouched.
    @Test
    void anInterruptedFnLeavesTheRunnerInterruptedAndIsTheErrorOfEveryCaller() throws InterruptedException {
        SingleFlight<String, Object> g = new SingleFlight<>();
        Chan<Boolean> started = Chan.make(1);
        Chan<Boolean> never = Chan.make();
        AtomicReference<SingleFlight.Result<Object>> runnerResult = new AtomicReference<>();
        AtomicReference<SingleFlight.Result<Object>> dupResult = new AtomicReference<>();
        AtomicReference<Boolean> runnerInterrupted = new AtomicReference<>();
        AtomicReference<Boolean> dupInterrupted = new AtomicReference<>();
        Thread runner = Go.go(() -> {
            runnerResult.set(g.run("key", () -> {
                started.send(true);
                return never.recv(); // until interrupted
            }));
            runnerInterrupted.set(Thread.interrupted());
        });
        started.recv();
        Thread dup = Go.go(() -> {
            dupResult.set(g.run("key", () -> "other"));
            dupInterrupted.set(Thread.interrupted());
        });
        awaitWaiting(dup);
        runner.interrupt();
        runner.join();
        dup.join();
        assertTrue(runnerResult.get().error() instanceof InterruptedException, "runner: " + runnerResult.get());
        assertTrue(runnerInterrupted.get(), "the runner's interrupt was swallowed");
        assertSame(runnerResult.get().error(), dupResult.get().error());
        assertTrue(dupResult.get().shared());
        assertFalse(dupInterrupted.get(), "the duplicate was not interrupted");
    }
}
