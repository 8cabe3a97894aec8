package io.github.go4j.race.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.go4j.race.RaceLog;
import io.github.go4j.race.internal.engine.FastTrack;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.engine.VarState;
import io.github.go4j.race.internal.runtime.JdkCall;
import io.github.go4j.race.internal.runtime.RaceHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Monitors and ReentrantLocks keep their clocks in place (released only by the holder): they still
 * order every holder after the previous ones under contention, and a release by a thread that does
 * not hold the lock (its unlock or signal throws) creates no edge.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExclusiveLockClockTest {
    @RegisterExtension
    final RaceLog raceLog = new RaceLog();
    private final List<String> races = raceLog.races;
    private final VarState x = new VarState();

    /** As instrumented code around {@code l.lock()}. */
    private static void lock(ReentrantLock l) {
        l.lock();
        RaceHooks.after(null, JdkCall.LOCK_ACQUIRE.ordinal(), l, null, null, Threads.current());
    }

    /** As instrumented code around {@code l.unlock()}. */
    private static void unlock(ReentrantLock l) {
        RaceHooks.before(JdkCall.LOCK_RELEASE.ordinal(), l, null, -1, Threads.current());
        l.unlock();
    }

    private static void runAll(int threads, Runnable body) throws InterruptedException {
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) ts.add(Thread.ofPlatform().start(body));
        for (Thread t : ts) t.join();
    }

    @Test
    void contendedLockOrdersEveryHolder() throws Exception {
        ReentrantLock l = new ReentrantLock();
        runAll(6, () -> {
            for (int i = 0; i < 20_000; i++) {
                lock(l);
                FastTrack.read(x, Threads.current(), 1, null, 0);
                FastTrack.write(x, Threads.current(), 2, null, 0);
                unlock(l);
            }
        });
        assertEquals(List.of(), races);
    }

    @Test
    void contendedMonitorOrdersEveryHolder() throws Exception {
        Object m = new Object();
        runAll(6, () -> {
            for (int i = 0; i < 20_000; i++) {
                synchronized (m) {
                    RaceHooks.monitorEnter(m);
                    FastTrack.write(x, Threads.current(), 3, null, 0);
                    RaceHooks.monitorExit(m);
                }
            }
        });
        assertEquals(List.of(), races);
    }

    @Test
    void anUnlockByAThreadThatDoesNotHoldTheLockIsNoRelease() throws Exception {
        ReentrantLock l = new ReentrantLock();
        Thread stray = Thread.ofPlatform().start(() -> {
            FastTrack.write(x, Threads.current(), 4, null, 0);
            assertThrows(IllegalMonitorStateException.class, () -> unlock(l));
        });
        stray.join();
        lock(l);
        FastTrack.write(x, Threads.current(), 5, null, 0);
        unlock(l);
        assertEquals(List.of("W4-W5"), races);
    }

    @Test
    void aSignalByAThreadThatDoesNotHoldTheLockIsNoRelease() throws Exception {
        ReentrantLock l = new ReentrantLock();
        Condition c = l.newCondition();
        RaceHooks.after(c, JdkCall.LOCK_CONDITION.ordinal(), l, null, null, Threads.current());
        Thread stray = Thread.ofPlatform().start(() -> {
            FastTrack.write(x, Threads.current(), 6, null, 0);
            RaceHooks.before(JdkCall.CONDITION_SIGNAL.ordinal(), c, null, -1, Threads.current());
            assertThrows(IllegalMonitorStateException.class, c::signal);
        });
        stray.join();
        lock(l);
        FastTrack.write(x, Threads.current(), 7, null, 0);
        unlock(l);
        assertEquals(List.of("W6-W7"), races);
    }

    @Test
    void aWaitOutsideTheMonitorIsNoRelease() throws Exception {
        Object m = new Object();
        Thread stray = Thread.ofPlatform().start(() -> {
            FastTrack.write(x, Threads.current(), 8, null, 0);
            assertThrows(IllegalMonitorStateException.class, () -> RaceHooks.waitOn(m));
        });
        stray.join();
        synchronized (m) {
            RaceHooks.monitorEnter(m);
            FastTrack.write(x, Threads.current(), 9, null, 0);
            RaceHooks.monitorExit(m);
        }
        assertEquals(List.of("W8-W9"), races);
    }
}
