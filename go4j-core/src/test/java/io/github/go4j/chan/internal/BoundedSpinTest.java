package io.github.go4j.chan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The channel's two waits for another thread that may be descheduled (the lock holder; a counterpart that
 * claimed a waiter and has not completed it) spin only for a while, then park. A wait that spins without
 * bound keeps its carrier: with one carrier, the thread it waits for never runs again.
 *
 * <p>Each test holds the other side back itself, so the wait lasts until the test ends it, and checks that
 * the waiting thread reaches a parked state meanwhile.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedSpinTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static Thread.Builder builder(boolean virtual) {
        return virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void aThreadWaitingForAHeldChannelLockParks(boolean virtual) throws Exception {
        Channel<Integer> ch = new Channel<>(4);
        ch.lock();
        Thread waiter;
        boolean parked;
        AtomicReference<Integer> len = new AtomicReference<>();
        try {
            waiter = builder(virtual).start(() -> len.set(ch.len()));
            parked = reaches(waiter, Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING));
        } finally {
            ch.unlock();
        }
        assertTrue(parked, "a thread waiting for the channel's lock spun (or yielded) for " + PATIENCE + " without parking");
        assertTrue(waiter.join(PATIENCE), "the waiter did not take the lock once it was free");
        assertEquals(0, len.get());
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void anInterruptedOwnerWhoseWaitWasClaimedParksUntilItIsCompleted(boolean virtual) throws Exception {
        ownerWhoseWaitWasClaimed(virtual, true);
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void anOwnerWhoseDeadlinePassedAfterAClaimParksUntilItIsCompleted(boolean virtual) throws Exception {
        ownerWhoseWaitWasClaimed(virtual, false);
    }

    /**
     * A counterpart claims the parker (CLAIMED) and, before completing it, is held back; the owner gives up
     * (interrupt, or its deadline) and finds the claim. It must then wait for the completion without holding
     * its carrier.
     */
    private static void ownerWhoseWaitWasClaimed(boolean virtual, boolean interrupt) throws Exception {
        Object blocker = new Object();
        AtomicReference<Parker> parker = new AtomicReference<>();
        AtomicReference<Boolean> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread owner = builder(virtual).unstarted(() -> {
            try {
                if (interrupt) Thread.currentThread().interrupt();
                long deadline = interrupt ? 0 : System.nanoTime() + 1_000_000;
                result.set(parker.get().await(deadline, blocker, 0));
                interruptKept.set(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                result.set(false);
            }
        });
        Parker p = new Parker(owner);
        parker.set(p);
        assertTrue(p.tryClaim(3));
        owner.start();
        boolean parked;
        try {
            // WAITING, not TIMED_WAITING: the deadline's own timed park comes before the claim is found
            parked = reaches(owner, Set.of(Thread.State.WAITING));
        } finally {
            p.received = "sent";
            p.receivedOk = true;
            p.complete();
        }
        assertTrue(parked, "an owner that found its wait claimed spun for " + PATIENCE + " without parking");
        assertTrue(owner.join(PATIENCE), "the owner did not return once completed");
        assertEquals(Boolean.TRUE, result.get(), "a claimed wait completes");
        assertEquals(3, p.chosen);
        assertSame("sent", p.received);
        assertEquals(interrupt, interruptKept.get(), "an interrupt that came after the claim stays in the thread's status");
    }

    /** Whether {@code t} is seen in one of {@code states} within {@link #PATIENCE} (polled, without sleeping). */
    private static boolean reaches(Thread t, Set<Thread.State> states) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (states.contains(t.getState())) return true;
            if (!t.isAlive()) return false;
            Thread.onSpinWait();
        }
        return false;
    }
}
