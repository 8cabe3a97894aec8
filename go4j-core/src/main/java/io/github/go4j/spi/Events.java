package io.github.go4j.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * The event hooks' single entry point: primitives call the static methods here; listeners are added
 * with {@link #register}.
 *
 * <p>With no listener registered, each hook costs one read of a volatile field (a plain load on x86)
 * and a branch that the JIT predicts. Registration publishes the listener to every thread; a primitive
 * operation already in flight may miss it.
 */
public final class Events {

    private static volatile EventListener listener;
    private static EventListener[] registered = new EventListener[0];

    private Events() {}

    /**
     * Adds a listener; several may be registered (each event goes to all, in registration order).
     *
     * @param l the listener
     * @return closing it removes the listener again
     */
    public static synchronized AutoCloseable register(EventListener l) {
        Objects.requireNonNull(l, "listener");
        EventListener[] next = Arrays.copyOf(registered, registered.length + 1);
        next[next.length - 1] = l;
        publish(next);
        return () -> unregister(l);
    }

    private static synchronized void unregister(EventListener l) {
        EventListener[] next = Arrays.stream(registered).filter(x -> x != l).toArray(EventListener[]::new);
        publish(next);
    }

    private static void publish(EventListener[] next) {
        registered = next;
        listener = switch (next.length) {
            case 0 -> null;
            case 1 -> next[0];
            default -> new Fanout(next.clone());
        };
    }

    /**
     * True when at least one listener is registered.
     *
     * @return whether a listener is registered
     */
    public static boolean enabled() {
        return listener != null;
    }

    /**
     * Reports {@link EventListener#goroutineCreated} to every registered listener.
     *
     * @param child the thread about to start
     */
    public static void goroutineCreated(Thread child) {
        EventListener l = listener;
        if (l != null) l.goroutineCreated(child);
    }

    /** Reports {@link EventListener#goroutineStarted} to every registered listener. */
    public static void goroutineStarted() {
        EventListener l = listener;
        if (l != null) l.goroutineStarted();
    }

    /**
     * Reports {@link EventListener#goroutineEnded} to every registered listener.
     *
     * @param panic what escaped the goroutine's body, or null
     */
    public static void goroutineEnded(Throwable panic) {
        EventListener l = listener;
        if (l != null) l.goroutineEnded(panic);
    }

    /**
     * Reports {@link EventListener#release} to every registered listener.
     *
     * @param sync the primitive the edge goes through
     * @param slot which of its edges
     */
    public static void release(Object sync, long slot) {
        EventListener l = listener;
        if (l != null) l.release(sync, slot);
    }

    /**
     * Reports {@link EventListener#acquire} to every registered listener.
     *
     * @param sync the primitive the edge goes through
     * @param slot which of its edges
     */
    public static void acquire(Object sync, long slot) {
        EventListener l = listener;
        if (l != null) l.acquire(sync, slot);
    }

    /**
     * Reports {@link EventListener#transfer} to every registered listener.
     *
     * @param from the primitive released on before
     * @param fromSlot its slot
     * @param to the primitive a later acquire reads
     * @param toSlot its slot
     */
    public static void transfer(Object from, long fromSlot, Object to, long toSlot) {
        EventListener l = listener;
        if (l != null) l.transfer(from, fromSlot, to, toSlot);
    }

    /**
     * Reports {@link EventListener#blocked} to every registered listener.
     *
     * @param on the object waited on
     * @param waitReason Go's name for the wait
     */
    public static void blocked(Object on, String waitReason) {
        EventListener l = listener;
        if (l != null) l.blocked(on, waitReason);
    }

    /**
     * Reports {@link EventListener#unblocked} to every registered listener.
     *
     * @param on the object waited on
     */
    public static void unblocked(Object on) {
        EventListener l = listener;
        if (l != null) l.unblocked(on);
    }

    private record Fanout(EventListener[] all) implements EventListener {
        @Override public void goroutineCreated(Thread child) { for (EventListener l : all) l.goroutineCreated(child); }
        @Override public void goroutineStarted() { for (EventListener l : all) l.goroutineStarted(); }
        @Override public void goroutineEnded(Throwable panic) { for (EventListener l : all) l.goroutineEnded(panic); }
        @Override public void release(Object sync, long slot) { for (EventListener l : all) l.release(sync, slot); }
        @Override public void acquire(Object sync, long slot) { for (EventListener l : all) l.acquire(sync, slot); }
        @Override public void transfer(Object from, long fromSlot, Object to, long toSlot) {
            for (EventListener l : all) l.transfer(from, fromSlot, to, toSlot);
        }
        @Override public void blocked(Object on, String reason) { for (EventListener l : all) l.blocked(on, reason); }
        @Override public void unblocked(Object on) { for (EventListener l : all) l.unblocked(on); }
    }
}
