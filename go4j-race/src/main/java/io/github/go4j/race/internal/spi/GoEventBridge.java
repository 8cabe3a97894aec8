package io.github.go4j.race.internal.spi;

import io.github.go4j.race.internal.engine.SyncObjects;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.EventListeners;

/**
 * go4j's own primitives (channels, select, context, sync) speak for themselves through the event SPI:
 * this listener turns their events into the detector's happens-before edges and goroutine lifecycle.
 * Loaded only when go4j-core is on the application's class path.
 *
 * <p>A {@code (sync, slot)} pair maps to its own clock. Channel slots are {@code >= 0} or
 * {@link EventListener#CLOSE_SLOT}, which never collide with the detector's internal slots
 * ({@link SyncObjects#MONITOR}, {@link SyncObjects#ALL_DONE}).
 */
public final class GoEventBridge implements EventListener {

    /** Registers the bridge with go4j's {@link EventListeners}. */
    public static void install() {
        EventListeners.register(new GoEventBridge());
    }

    @Override
    public void goroutineCreated(Thread child) {
        ThreadClock parent = Threads.current();
        Threads.fork(child, parent.pendingCreateSite);
    }

    @Override
    public void goroutineEnded(Throwable panic) {
        Threads.current().markEnded();
    }

    @Override
    public void release(Object sync, long slot) {
        SyncObjects.clock(sync, slot).release(Threads.current());
    }

    @Override
    public void acquire(Object sync, long slot) {
        SyncObjects.clock(sync, slot).acquire(Threads.current());
    }

    @Override
    public void transfer(Object from, long fromSlot, Object to, long toSlot) {
        SyncObjects.clock(to, toSlot).releaseFrom(SyncObjects.clock(from, fromSlot));
    }
}
