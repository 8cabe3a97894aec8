package io.github.go4j.chan.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One blocked goroutine's record (Go's {@code g} waiting with its {@code sudog}s): a plain send or
 * receive has one {@link Waiter} pointing here, a select one per case.
 *
 * <p>Implementation note. {@code state} goes {@code WAITING → CLAIMED → DONE} when a counterpart
 * pairs with one of the waiters (or close wakes it), or {@code WAITING → CANCELLED} when the goroutine
 * gives up (interrupt, timeout). Both transitions out of WAITING are CASes, so exactly one of them wins:
 * that is what makes a select take exactly one case and keeps an interrupted operation from also
 * completing. The winner of the claim writes the result fields ({@code chosen}, {@code received},
 * {@code receivedOk}, {@code closed}) with plain stores and then publishes them with the volatile store
 * of DONE; the owner reads them only after it has read DONE.
 *
 * <p>Wake-up is Dekker-style so that neither side pays for an unpark it doesn't need: the owner first yields
 * (and optionally spins) a few times, then stores {@code parked = true} and re-reads {@code state} before parking; the completer
 * stores DONE and then reads {@code parked}. Both are volatile, so one of them sees the other's store.
 */
final class Parker {
    static final int WAITING = 0;
    static final int CLAIMED = 1;
    static final int DONE = 2;
    static final int CANCELLED = 3;

    /**
     * How long a waiter tries before it parks. A parked handoff costs ~10x a running one (PERFORMANCE.md).
     * A virtual thread yields instead of spinning: the goroutine that will complete it is most often
     * queued behind it on the same carrier, where a spin only delays it (measured: 256 spins made a
     * virtual-thread ping-pong 20x slower), while a yield runs it at once and the handoff then completes
     * without any unpark. {@code -Dgo4j.chan.waitStats=true} shows it (ping-pong, 1P1C unbuffered and
     * select of 2: 93–99% of waits end after the first yield, under 2% park), and that adaptive spinning
     * (a per-channel budget doubled when a wait ended while spinning, halved when not; tried and
     * removed) never once ended a wait while spinning: communicating virtual threads run on one
     * carrier, since unpark and yield queue the other on the current one. A platform thread spins: its
     * counterpart runs on another core or not at all, and waking a parked platform thread costs an OS
     * round trip.
     */
    private static final int VIRTUAL_SPINS = Integer.getInteger("go4j.chan.spins", 0);
    private static final int VIRTUAL_YIELDS = Integer.getInteger("go4j.chan.yields", 4);
    private static final int PLATFORM_SPINS = Integer.getInteger("go4j.chan.platformSpins", 2048);

    final Thread thread;
    private volatile int state;
    private volatile boolean parked;

    /** Index of the case that proceeded (select), written by the claimer before DONE. */
    int chosen;
    /** The value a receive got, written by the claimer before DONE. */
    Object received;
    /** False when a receive was completed by close. */
    boolean receivedOk;
    /** True when a send was completed by close: the sender must throw "send on closed channel". */
    boolean closed;

    Parker(Thread thread) {
        this.thread = thread;
    }

    /** Claims this parker for case {@code caseIndex}; false if it was claimed or cancelled already. */
    boolean tryClaim(int caseIndex) {
        if (state == WAITING && STATE.compareAndSet(this, WAITING, CLAIMED)) {
            chosen = caseIndex;
            return true;
        }
        return false;
    }

    /** Publishes the result written since {@link #tryClaim} and wakes the owner if it parked. */
    void complete() {
        state = DONE;
        if (parked) LockSupport.unpark(thread);
    }

    /** The owner gives up; false if a counterpart claimed it first (then the operation will complete). */
    boolean tryCancel() {
        return STATE.compareAndSet(this, WAITING, CANCELLED);
    }

    boolean isDone() {
        return state == DONE;
    }

    /**
     * Waits until completed. Returns true when DONE, false when the deadline passed and this call
     * cancelled the wait. Throws InterruptedException when interrupted and the cancel won; an interrupt
     * that comes after a claim is kept in the thread's status and the completion is returned.
     *
     * @param deadline a {@link System#nanoTime()} deadline, or 0 for none
     */
    boolean await(long deadline, Object blocker) throws InterruptedException {
        boolean virtual = thread.isVirtual();
        if (WaitStats.ENABLED) WaitStats.waited();
        for (int i = virtual ? VIRTUAL_SPINS : PLATFORM_SPINS; i >= 0; i--) {
            if (state == DONE) {
                if (WaitStats.ENABLED) WaitStats.endedSpinning();
                return true;
            }
            if (i > 0) Thread.onSpinWait();
        }
        for (int i = 0, yields = virtual ? VIRTUAL_YIELDS : 0; i < yields; i++) {
            Thread.yield();
            if (state == DONE) {
                if (WaitStats.ENABLED) WaitStats.endedAfterYields(i + 1);
                return true;
            }
        }
        if (WaitStats.ENABLED) WaitStats.parked();
        parked = true;
        while (state != DONE) {
            if (Thread.interrupted()) {
                if (tryCancel()) throw new InterruptedException();
                awaitClaimed();
                Thread.currentThread().interrupt();
                return true;
            }
            if (deadline == 0) {
                LockSupport.park(blocker);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (tryCancel()) return false;
                    awaitClaimed();
                    return true;
                }
                LockSupport.parkNanos(blocker, left);
            }
        }
        return true;
    }

    /** A counterpart won the claim and is writing the result (a few instructions, under its lock). */
    private void awaitClaimed() {
        while (state != DONE) Thread.onSpinWait();
    }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Parker.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
