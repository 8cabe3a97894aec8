package io.github.go4j.spi;

/**
 * What go4j's primitives report about themselves, for tools such as the race detector (go4j-race's agent
 * is such a listener). Install one with {@link EventListeners#register}; every callback has an empty
 * default.
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
 * <p><b>Order.</b> A release is delivered before any acquire it must happen-before: the release call
 * returns before the partner's acquire call begins. A {@link #transfer} is delivered after the releases it
 * passes on and before the acquires that must see it. What the operations on one channel report about the
 * channel's own clocks (its slots, its close) reaches the listener in the order the operations took
 * effect.
 *
 * <p><b>Threads.</b> Callbacks run on the thread that performs the operation, and the operation completes
 * only after they return. A channel never calls a listener while it holds its internal spin lock, so a
 * callback that takes a monitor or allocates stalls no other goroutine spinning on the channel; it does
 * delay the goroutine that the operation pairs with, and the channel's other operations while a listener is
 * registered (they deliver in turn). Other primitives may call a listener while they hold a monitor of
 * their own. So callbacks must be quick, must not block on other threads and must not use go4j primitives.
 * A listener's exceptions are not caught: one propagates out of the operation that reported the event (a
 * channel still completes the goroutine it paired with, and withdraws a wait it had just begun).
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
