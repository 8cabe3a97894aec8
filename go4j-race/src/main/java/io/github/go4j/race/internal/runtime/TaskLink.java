package io.github.go4j.race.internal.runtime;

import io.github.go4j.race.internal.engine.SyncClock;
import io.github.go4j.race.internal.engine.SyncObjects;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import java.util.List;

/**
 * The happens-before edges around a task handed to another thread (an executor's task, an async
 * stage's callback, a builder-started thread's body, a concurrent map's compute function).
 *
 * <p>Implementation note. {@code fork} holds what the submitter did before handing the task over;
 * {@code sources} are the futures whose completion the callback runs after (a stage's receiver and
 * other stage); {@code done} receives what the task did, and is what the task's future is mapped to
 * in {@link Completions}. When the task belongs to an executor, its end is also released into the
 * executor's {@link SyncObjects#ALL_DONE} clock, for {@code awaitTermination} and {@code close}.
 */
final class TaskLink {
    final SyncClock fork;
    final SyncClock done;
    final Object executor;
    final List<Object> sources;
    /** The code site that created the task's thread, when the task gets a thread of its own; else -1. */
    final int site;
    final long parentGoid;
    final List<String> creationStack;

    TaskLink(SyncClock fork, SyncClock done, Object executor, List<Object> sources, int site, long parentGoid) {
        this.fork = fork;
        this.done = done;
        this.executor = executor;
        this.sources = sources;
        this.site = site;
        this.parentGoid = parentGoid;
        this.creationStack = site >= 0 ? io.github.go4j.race.internal.engine.CodeSites.creationStack() : null;
    }

    /**
     * In the submitting thread: a new link whose fork clock holds the submitter's actions so far.
     * {@code threadSite} is the submitting site when the task runs on a thread created for it (a
     * thread builder, a thread-per-task executor), else -1.
     */
    static TaskLink submit(ThreadClock t, Object executor, List<Object> sources, int threadSite) {
        SyncClock fork = new SyncClock();
        fork.release(t);
        return new TaskLink(fork, new SyncClock(), executor, sources, threadSite, t.goid);
    }

    /** A link for a callback that runs while holding {@code key} (a concurrent map's compute). */
    static TaskLink holding(SyncClock key) {
        return new TaskLink(key, key, null, List.of(), -1, -1);
    }

    /** In the task's thread, before the task body. */
    void begin() {
        ThreadClock t = Threads.current();
        fork.acquire(t);
        for (Object s : sources) Completions.acquire(s, t);
        if (site >= 0 && t.createdAtSite() < 0) t.createdBy(parentGoid, site, creationStack);
    }

    /** In the task's thread, after the task body (normally or not). */
    void end() {
        ThreadClock t = Threads.current();
        done.release(t);
        if (executor != null) SyncObjects.clock(executor, SyncObjects.ALL_DONE).release(t);
    }
}
