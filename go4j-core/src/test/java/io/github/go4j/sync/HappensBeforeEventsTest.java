package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Each happens-before edge of context, sync and x/sync is reported through the event SPI: a release on
 * {@code (sync, slot)} by the thread whose actions must be visible, then an acquire of the same pair by the
 * thread that must see them.
 */
@ExtendWith(GoroutinePanics.class)
@Timeout(10)
class HappensBeforeEventsTest {

    record Event(String kind, Object sync, long slot, Thread thread) {}

    private final List<Event> events = new ArrayList<>();
    private AutoCloseable registration;

    @BeforeEach
    void register() {
        registration = Events.register(new EventListener() {
            @Override
            public void release(Object sync, long slot) {
                record("release", sync, slot);
            }

            @Override
            public void acquire(Object sync, long slot) {
                record("acquire", sync, slot);
            }
        });
    }

    private void record(String kind, Object sync, long slot) {
        synchronized (events) {
            events.add(new Event(kind, sync, slot, Thread.currentThread()));
        }
    }

    @AfterEach
    void unregister() throws Exception {
        registration.close();
    }

    /** True if {@code releaser} released some slot of {@code sync} before {@code acquirer} acquired that slot. */
    private boolean edge(Object sync, Thread releaser, Thread acquirer) {
        synchronized (events) {
            for (int i = 0; i < events.size(); i++) {
                Event r = events.get(i);
                if (!r.kind().equals("release") || r.sync() != sync || r.thread() != releaser) continue;
                for (int j = i + 1; j < events.size(); j++) {
                    Event a = events.get(j);
                    if (a.kind().equals("acquire") && a.sync() == sync && a.slot() == r.slot() && a.thread() == acquirer) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @Test
    void mutexUnlockToLock() throws InterruptedException {
        Mutex m = new Mutex();
        Thread t = Go.go(() -> {
            m.lock();
            m.unlock();
        });
        t.join();
        m.lock();
        m.unlock();
        assertTrue(edge(m, t, Thread.currentThread()), "unlock -> lock");
    }

    @Test
    void rwMutexEdges() throws InterruptedException {
        RWMutex rw = new RWMutex();
        Thread writer = Go.go(() -> {
            rw.lock();
            rw.unlock();
        });
        writer.join();
        Thread reader = Go.go(() -> {
            rw.rLock();
            rw.rUnlock();
        });
        reader.join();
        rw.lock();
        rw.unlock();
        assertTrue(edge(rw, writer, reader), "unlock -> rLock");
        assertTrue(edge(rw, reader, Thread.currentThread()), "rUnlock -> lock");
        assertTrue(edge(rw, writer, Thread.currentThread()), "unlock -> lock");
    }

    @Test
    void waitGroupDoneToAwait() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        Thread t = Go.go(wg::done);
        wg.await();
        t.join();
        assertTrue(edge(wg, t, Thread.currentThread()), "done -> await returns");
    }

    @Test
    void onceCompletionToEveryReturn() throws InterruptedException {
        Once once = new Once();
        Thread t = Go.go(() -> once.run(() -> {}));
        t.join();
        once.run(() -> {});
        assertTrue(edge(once, t, Thread.currentThread()), "once completion -> run returns");
    }

    @Test
    void semaphoreReleaseToAcquire() throws InterruptedException {
        Semaphore s = new Semaphore(1);
        s.acquire(Context.background(), 1);
        Thread t = Go.go(() -> s.release(1));
        t.join();
        s.acquire(Context.background(), 1);
        assertTrue(edge(s, t, Thread.currentThread()), "release -> acquire");
    }

    @Test
    void errGroupGoroutineEndToAwait() throws InterruptedException {
        ErrGroup g = new ErrGroup();
        Thread[] worker = new Thread[1];
        g.go(() -> worker[0] = Thread.currentThread());
        g.await();
        assertTrue(edge(g, worker[0], Thread.currentThread()), "goroutine end -> await returns");
    }

    @Test
    void cancelToErrObserved() throws InterruptedException {
        CancelContext ctx = Context.withCancel(Context.background());
        Context child = Context.withCancel(ctx);
        Thread t = Go.go(ctx::cancel);
        t.join();
        assertTrue(child.err() != null);
        Object node = child; // the child node is cancelled by t, and observed here
        assertTrue(edge(node, t, Thread.currentThread()), "cancel -> err() observed");
        Thread u = Go.go(() -> ctx.done());
        u.join();
        assertTrue(edge(ctx, t, u), "cancel -> done() observed");
    }

    @Test
    void singleFlightCallToEveryCaller() throws InterruptedException {
        SingleFlight<String, String> sf = new SingleFlight<>();
        io.github.go4j.chan.Chan<Boolean> release = io.github.go4j.chan.Chan.make();
        Thread[] owner = new Thread[1];
        Thread first = Go.go(() -> sf.run("k", () -> {
            owner[0] = Thread.currentThread();
            release.recv();
            return "v";
        }));
        while (owner[0] == null) Thread.yield();
        Thread dup = Go.go(() -> sf.run("k", () -> "other"));
        while (dup.getState() != Thread.State.WAITING) Thread.yield(); // joined the flight, waiting for it
        release.send(true);
        first.join();
        dup.join();
        synchronized (events) {
            boolean found = false;
            for (Event e : events) {
                if (e.kind().equals("acquire") && e.thread() == dup && e.sync() instanceof WaitGroup
                        && edge(e.sync(), first, dup)) {
                    found = true;
                }
            }
            assertTrue(found, "the call's completion -> the duplicate caller");
        }
    }

    // ---- a misuse throws before it publishes anything: no invented edge, no state change ----

    /** The events recorded on {@code sync} so far. */
    private List<Event> eventsOn(Object sync) {
        synchronized (events) {
            return events.stream().filter(e -> e.sync() == sync).toList();
        }
    }

    /** Runs {@code misuse}, which must throw {@code message}, and checks that it reported no event on {@code sync}. */
    private void assertSilentMisuse(Object sync, String message, Executable misuse) {
        int before = eventsOn(sync).size();
        assertEquals(message, assertThrows(IllegalStateException.class, misuse).getMessage());
        assertEquals(List.of(), eventsOn(sync).subList(before, eventsOn(sync).size()), "events reported by the misuse");
    }

    @Test
    void mutexUnlockOfUnlockedReportsNothing() throws InterruptedException {
        Mutex m = new Mutex();
        assertSilentMisuse(m, "sync: unlock of unlocked mutex", m::unlock);
        m.lock();
        m.unlock();
        assertSilentMisuse(m, "sync: unlock of unlocked mutex", m::unlock);
        assertTrue(m.tryLock(), "the misuse left the mutex locked");
        m.unlock();
    }

    @Test
    void rwMutexMisusedUnlocksReportNothing() throws InterruptedException {
        RWMutex rw = new RWMutex();
        assertSilentMisuse(rw, "sync: Unlock of unlocked RWMutex", rw::unlock);
        assertSilentMisuse(rw, "sync: RUnlock of unlocked RWMutex", rw::rUnlock);

        rw.rLock();
        assertSilentMisuse(rw, "sync: Unlock of unlocked RWMutex", rw::unlock);
        assertFalse(rw.tryLock(), "the misused unlock released the read lock");
        rw.rUnlock();

        rw.lock();
        assertSilentMisuse(rw, "sync: RUnlock of unlocked RWMutex", rw::rUnlock);
        assertFalse(rw.tryRLock(), "the misused rUnlock released the write lock");
        rw.unlock();
        assertTrue(rw.tryLock());
        rw.unlock();
    }

    @Test
    void semaphoreReleaseBeyondHeldReportsNothing() throws InterruptedException {
        Semaphore s = new Semaphore(3);
        assertSilentMisuse(s, "semaphore: released more than held", () -> s.release(1));
        s.acquire(Context.background(), 2);
        assertSilentMisuse(s, "semaphore: released more than held", () -> s.release(3));
        assertFalse(s.tryAcquire(2), "the misuse gave units back");
        s.release(2);
        assertTrue(s.tryAcquire(3));
    }

    @Test
    void waitGroupNegativeCounterReportsNothing() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        assertSilentMisuse(wg, "sync: negative WaitGroup counter", wg::done);
        wg.add(1);
        assertSilentMisuse(wg, "sync: negative WaitGroup counter", () -> wg.add(-2));
        wg.done();
        wg.await();
    }
}
