package io.github.go4j.race.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.go4j.race.RaceLog;
import io.github.go4j.race.internal.engine.FastTrack;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.engine.VarState;
import io.github.go4j.race.internal.runtime.JdkCall;
import io.github.go4j.race.internal.runtime.RaceHooks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * CyclicBarrier's edges, driven through the hooks that instrumented code calls around {@code await}:
 * what a party did before its await is seen by every party after that generation's await, and what a
 * party does after an await is not, even when another party is slow to return from the same await.
 * The JDK latches that pace the threads are invisible to the engine.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CyclicBarrierTest {
    private static final int AWAIT = JdkCall.BARRIER.ordinal();
    @RegisterExtension
    final RaceLog raceLog = new RaceLog();
    private final List<String> races = raceLog.races;


    /** The instrumented {@code barrier.await()}, with {@code beforeReturn} run between the JDK's return and the hook. */
    private static void await(CyclicBarrier barrier, Runnable beforeReturn) throws Exception {
        Object link = RaceHooks.before(AWAIT, barrier, null, -1, Threads.current());
        barrier.await(10, TimeUnit.SECONDS);
        beforeReturn.run();
        RaceHooks.after(null, AWAIT, barrier, null, link, Threads.current());
    }

    /** As the instrumented {@code new CyclicBarrier(parties, action)}. */
    private static CyclicBarrier barrier(int parties, Runnable action) {
        Runnable trip = RaceHooks.barrierAction(action);
        assertNotNull(trip, "the runtime models barriers by generation");
        return new CyclicBarrier(parties, trip);
    }

    private static Thread start(ThrowingRunnable body, List<Throwable> failures) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        t.start();
        return t;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void whatEachPartyDidBeforeAwaitIsSeenByAllAfterIt() throws Exception {
        VarState[] slots = {new VarState(), new VarState()};
        VarState byAction = new VarState();
        CyclicBarrier barrier = barrier(2, () -> FastTrack.write(byAction, Threads.current(), 9, null, 0));
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread[] parties = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            parties[i] = start(() -> {
                FastTrack.write(slots[me], Threads.current(), 1 + me, null, 0);
                await(barrier, () -> { });
                FastTrack.read(slots[1 - me], Threads.current(), 3 + me, null, 0);
                FastTrack.read(byAction, Threads.current(), 5 + me, null, 0);
            }, failures);
        }
        for (Thread t : parties) t.join();
        assertEquals(List.of(), failures);
        assertEquals(List.of(), races);
    }

    @Test
    void aWriteAfterAwaitRacesWithAReadAfterTheSameAwait() throws Exception {
        VarState shared = new VarState();
        CyclicBarrier barrier = barrier(2, null);
        CountDownLatch written = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        // a returns at once, writes, and arrives at the next generation; only then does b return from the first
        Thread a = start(() -> {
            await(barrier, () -> { });
            FastTrack.write(shared, Threads.current(), 10, null, 0);
            Object link = RaceHooks.before(AWAIT, barrier, null, -1, Threads.current());
            written.countDown();
            barrier.await(10, TimeUnit.SECONDS);
            RaceHooks.after(null, AWAIT, barrier, null, link, Threads.current());
        }, failures);
        Thread b = start(() -> {
            await(barrier, () -> {
                try {
                    written.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            FastTrack.read(shared, Threads.current(), 11, null, 0);
            await(barrier, () -> { });
        }, failures);
        a.join();
        b.join();
        assertEquals(List.of(), failures);
        assertEquals(List.of("W10-R11"), races, "b's return from the first await must not see what a did after it");
    }

    @Test
    void theProgramsOwnBarrierActionStillRunsOncePerGeneration() throws Exception {
        AtomicInteger trips = new AtomicInteger();
        CyclicBarrier barrier = barrier(2, trips::incrementAndGet);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ThrowingRunnable party = () -> {
            for (int g = 0; g < 3; g++) await(barrier, () -> { });
        };
        Thread a = start(party, failures);
        Thread b = start(party, failures);
        a.join();
        b.join();
        assertEquals(List.of(), failures);
        assertEquals(3, trips.get());
    }
}
