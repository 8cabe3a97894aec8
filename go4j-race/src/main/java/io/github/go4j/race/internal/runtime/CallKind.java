package io.github.go4j.race.internal.runtime;

/** What a call into the JDK's synchronisation means for happens-before (see {@link JdkCall}). */
public enum CallKind {
    /** After the call, the thread acquires the synchronizer (lock, take, await, get). */
    ACQUIRE,
    /** Before the call, the thread releases into the synchronizer (unlock, put, countDown, set). */
    RELEASE,
    /** Both: a read-modify-write or a rendezvous (CAS, barrier await, exchange). */
    BOTH,
    /** A concurrent collection's update: release before, acquire before and after. */
    COLLECTION_UPDATE,
    /** A concurrent collection's read: acquire before and after. */
    COLLECTION_READ,
    /** A concurrent map's atomic update with a callback: as an update, and the callback runs holding the map. */
    COLLECTION_COMPUTE,
    /** {@code Thread.start}: fork. */
    THREAD_START,
    /** {@code Thread.join}: join if the thread terminated. */
    THREAD_JOIN,
    /** {@code Thread.isAlive}: join if it returned false. */
    THREAD_ALIVE,
    /** {@code Thread.interrupt}: release into the target thread's interrupt clock (JLS 17.4.4). */
    INTERRUPT,
    /** {@code Thread.interrupted}/{@code isInterrupted}: acquire the thread's interrupt clock if it returned true. */
    INTERRUPT_CHECK,
    /** Starts a task on another thread (executors, builders, async stages): wrap its callbacks. */
    TASK,
    /** {@code invokeAll}/{@code invokeAny}: wrap each task, acquire their completion on return. */
    TASK_ALL,
    /** {@code awaitTermination} (when true), {@code close}: every task of the executor ended. */
    EXECUTOR_DONE,
    /** {@code Future.get}/{@code join}: the task's completion. */
    FUTURE_GET,
    /** {@code complete}/{@code completeExceptionally}: release into the future's completion. */
    FUTURE_COMPLETE,
    /** {@code allOf}/{@code anyOf}: the result completes with its arguments. */
    FUTURE_ALL,
    /** {@code readLock()}, {@code newCondition()}, ...: the result synchronises on the receiver's key. */
    ALIAS,
    /** {@code Condition.await}: release the lock before, acquire it after. */
    CONDITION_AWAIT,
    /** {@code CyclicBarrier.await}: arrive (release) before, acquire the generation's trip after (see {@link Barriers}). */
    BARRIER_AWAIT,
    /** {@code Go.go}, {@code WaitGroup.go}, {@code ErrGroup.go}/{@code tryGo}: remember the call site for the SPI's goroutineCreated. */
    GO,
    /**
     * An operation of a {@code java.util.stream} stream: when the stream is parallel, the caller → its
     * functional arguments' calls (on any thread) → the operation's return (see {@link ParallelStreams}).
     */
    STREAM
}
