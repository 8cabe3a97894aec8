package io.github.go4j.spi;

/**
 * What go4j's primitives report about themselves, for the race detector, the deadlock detector and
 * the JFR recorder. Install one with {@link Events#register}.
 *
 * <p><b>Happens-before.</b> A primitive that creates an edge calls {@link #release} on the thread
 * whose earlier actions must be visible, and later {@link #acquire} with the same {@code (sync, slot)}
 * on the thread that must see them. A listener modelling vector clocks joins the releasing thread's
 * clock into the clock of {@code (sync, slot)} on release, and that clock into the acquiring thread's
 * on acquire. The edges reported are Go's memory-model rules: a send on a channel is released on the
 * message's slot and acquired by the receive that takes it; for a buffered channel of capacity C, the
 * k-th receive releases slot {@code k mod C} and the (k+C)-th send acquires it; {@code close} releases
 * {@link #CLOSE_SLOT} and a receive that observes the close acquires it; unlock → lock, Done → Wait,
 * Once completion → every return, cancel → done observed and so on, each on its own object.
 *
 * <p>Callbacks run on the thread that performs the operation, sometimes while the primitive holds an
 * internal lock: they must be quick, must not block and must not use go4j primitives. A listener's
 * exceptions are not caught.
 */
public interface EventListener {

    /** The slot on which {@code close} of a channel (or a similar one-time event) is released. */
    long CLOSE_SLOT = -1;

    /**
     * In the parent, just before {@code child} starts: the parent's actions so far happen-before the child.
     *
     * @param child the thread about to start
     */
    default void goroutineCreated(Thread child) {}

    /** In a goroutine started by {@code Go.go}, before its body runs. */
    default void goroutineStarted() {}

    /**
     * In a goroutine started by {@code Go.go}, after its body ended; {@code panic} is what escaped it, or null.
     *
     * @param panic what escaped the goroutine's body, or null if it returned normally
     */
    default void goroutineEnded(Throwable panic) {}

    /**
     * The current thread's actions so far happen-before whatever later {@link #acquire}s {@code (sync, slot)}.
     *
     * @param sync the primitive (channel, mutex, ...) the edge goes through
     * @param slot which of its edges (a channel's message slot, or {@link #CLOSE_SLOT})
     */
    default void release(Object sync, long slot) {}

    /**
     * The current thread now sees every action released on {@code (sync, slot)} so far.
     *
     * @param sync the primitive (channel, mutex, ...) the edge goes through
     * @param slot which of its edges (a channel's message slot, or {@link #CLOSE_SLOT})
     */
    default void acquire(Object sync, long slot) {}

    /**
     * Whatever was released on {@code (from, fromSlot)} so far now also happens-before whatever later
     * {@link #acquire}s {@code (to, toSlot)}; the current thread's own clock is neither joined nor
     * released. A primitive calls it to release on behalf of a parked goroutine: a buffered channel's
     * receive that a sender completes for a parked receiver releases the receiver's clock on the
     * receive's slot, for the (k+C)-th send, without the sender seeing the receiver's actions (Go's
     * model orders the receiver after that sender, not before). A listener that models happens-before
     * must implement it: ignoring it loses that edge.
     *
     * @param from the primitive released on before
     * @param fromSlot its slot
     * @param to the primitive a later {@link #acquire} reads
     * @param toSlot its slot
     */
    default void transfer(Object from, long fromSlot, Object to, long toSlot) {}

    /**
     * The current thread is about to park waiting on {@code on} (a channel, a select, a mutex, ...);
     * {@code waitReason} is Go's word for it ("chan send", "chan receive", "select", "sync.Mutex.Lock", ...).
     *
     * @param on the object waited on
     * @param waitReason Go's name for the wait
     */
    default void blocked(Object on, String waitReason) {}

    /**
     * The current thread stopped waiting on {@code on} (it proceeded, was interrupted or timed out).
     *
     * @param on the object waited on, as given to {@link #blocked}
     */
    default void unblocked(Object on) {}
}
