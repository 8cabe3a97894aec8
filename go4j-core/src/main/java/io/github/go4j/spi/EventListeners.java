package io.github.go4j.spi;

import io.github.go4j.spi.internal.Events;

/**
 * Where a tool subscribes to what go4j's primitives report (the race detector, a deadlock detector, a
 * flight recorder): {@link #register} an {@link EventListener}.
 *
 * <p>Listening is public; reporting is not. Only go4j's own primitives emit events, so a library cannot
 * forge a happens-before edge and hide its races from the detector.
 */
public final class EventListeners {

    private EventListeners() {}

    /**
     * Adds a listener. Several may be registered; each event goes to all of them, in registration order.
     * Registration is published to every thread at once, but an operation already in progress on another
     * thread may report only part of its events, or none, to a listener added meanwhile: register before the
     * program starts the goroutines you want to observe. Safe to call from any thread.
     *
     * @param listener what receives the events from now on
     * @return closing it removes the listener again (closing twice is harmless)
     * @throws NullPointerException if {@code listener} is null
     */
    public static AutoCloseable register(EventListener listener) {
        return Events.register(listener);
    }
}
