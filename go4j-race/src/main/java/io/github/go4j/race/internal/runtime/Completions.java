package io.github.go4j.race.internal.runtime;

import io.github.go4j.race.internal.engine.SyncClock;
import io.github.go4j.race.internal.engine.SyncObjects;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.WeakIdentityMap;

/**
 * What a future's completion makes visible: the clock its task released at its end, by future.
 * {@code CompletableFuture.complete} releases into the future's own object clock; {@code allOf}
 * maps its result to all of its arguments.
 */
final class Completions {
    private static final WeakIdentityMap<Object> BY_FUTURE = new WeakIdentityMap<>();

    private Completions() {}

    /** {@code future} completes with what {@code done} holds (a task's end clock, or an array of futures). */
    static void link(Object future, Object done) {
        if (future != null) BY_FUTURE.put(future, done);
    }

    /** The current thread observed {@code future}'s completion. */
    static void acquire(Object future, ThreadClock t) {
        acquire(future, t, 0);
    }

    private static void acquire(Object future, ThreadClock t, int depth) {
        if (future == null || depth > 64) return;
        SyncObjects.clock(future, SyncObjects.OBJECT).acquire(t);
        Object done = BY_FUTURE.get(future);
        if (done instanceof SyncClock c) {
            c.acquire(t);
        } else if (done instanceof Object[] parts) {
            for (Object p : parts) acquire(p, t, depth + 1);
        }
    }
}
