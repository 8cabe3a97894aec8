package io.github.go4j.race.internal.runtime;

import io.github.go4j.race.internal.engine.SyncClock;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CyclicBarrier;

/**
 * {@code CyclicBarrier}'s happens-before, generation by generation: what each party did before its
 * {@code await} happens-before the barrier action, which happens-before what every party does after
 * its {@code await} of the same generation returns — and nothing a party does after an {@code await}
 * is ordered before the others' returns from it.
 *
 * <p>Implementation note. A barrier built by instrumented code gets a {@link Trip} as its barrier
 * action (wrapping the program's own action, if any): the JDK runs it in the tripping thread once
 * every party of the generation has arrived and before any is released. Each party releases into
 * {@code arrivals} before it calls {@code await}; the trip acquires them, runs the program's action,
 * and publishes its own clock as the generation's {@code passed} clock, which every party acquires when
 * its {@code await} returns. So a party that is slow to return cannot pick up what a fast party did
 * after returning (it would, were the barrier one clock that every {@code await} releases into and
 * acquires from). {@code arrivals} is never reset: a party of a later generation may release into it
 * before the earlier generation trips (more threads than parties), and dropping that would lose an
 * edge. The trip is found from the barrier through its private {@code barrierCommand} field (the agent
 * opens {@code java.util.concurrent} to itself); a barrier built elsewhere falls back to one clock.
 */
final class Barriers {
    private static final VarHandle COMMAND = command();

    private Barriers() {}

    private static VarHandle command() {
        try {
            return MethodHandles.privateLookupIn(CyclicBarrier.class, MethodHandles.lookup())
                    .findVarHandle(CyclicBarrier.class, "barrierCommand", Runnable.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The trip of a barrier built by instrumented code, or null. */
    static Trip of(Object barrier) {
        if (COMMAND == null || !(barrier instanceof CyclicBarrier)) return null;
        return COMMAND.get(barrier) instanceof Trip t ? t : null;
    }

    /** Whether barriers can be modelled by generation in this JVM. */
    static boolean available() {
        return COMMAND != null;
    }

    /** The barrier action of one barrier: the edges of each generation. */
    static final class Trip implements Runnable {
        private final Runnable action;
        final SyncClock arrivals = new SyncClock();
        private volatile SyncClock passed = new SyncClock();

        Trip(Runnable action) {
            this.action = action;
        }

        @Override public void run() {
            ThreadClock t = Threads.current();
            arrivals.acquire(t);
            try {
                if (action != null) action.run();
            } finally {
                SyncClock p = new SyncClock();
                p.release(t);
                passed = p;
            }
        }

        /** After this thread's {@code await} returned. */
        void passed(ThreadClock t) {
            passed.acquire(t);
        }
    }
}
