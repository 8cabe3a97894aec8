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
 * of DONE; the owner reads them only after it has read DONE. Between the claim and DONE the winner also
 * reports its events to the listeners (see {@link DeferredEvents}), so an owner that gives up and finds
 * its wait claimed may have to wait a while: it spins briefly, then parks ({@link #awaitClaimed}).
 *
 * <p>Wake-up is Dekker-style so that neither side pays for an unpark it doesn't need: the owner first spins
 * (see {@link #await}) and yields a few times, then stores {@code parked = true} and re-reads {@code state} before parking; the completer
 * stores DONE and then reads {@code parked}. Both are volatile, so one of them sees the other's store.
 */
final class Parker {
    static final int WAITING = 0;
    static final int CLAIMED = 1;
    static final int DONE = 2;
    static final int CANCELLED = 3;

    /**
     * How long a waiter tries before it parks. A parked handoff costs ~10x a running one (PERFORMANCE.md).
     * A virtual thread spins only on an unbuffered channel's send or receive, only while the scheduler
     * has nothing queued ({@link SchedulerLoad}), and only as long as the channel's {@link SpinBudget}
     * says: then the goroutine that will complete the wait runs on another carrier and the hand-off
     * completes without unmounting either side (what {@code SynchronousQueue} does with a JDK-internal
     * check). When something is queued it is most often that very goroutine, queued behind the waiter
     * on the same carrier, where a spin only delays it (measured: 256 unconditional spins made a
     * virtual-thread ping-pong 20x slower); so the waiter yields, which runs it at once, and the
     * handoff then completes without any unpark. {@code -Dgo4j.chan.waitStats=true} shows how waits
     * ended. Buffered channels and select do not spin: measured slower (buffered 1024 1P1C 1.3x), the
     * producer and consumer then stay on two carriers and take turns on the lock's cache line. A
     * platform thread spins: its counterpart runs on another core or not at all, and waking a parked
     * platform thread costs an OS round trip.
     */
    private static final int VIRTUAL_SPINS = Integer.getInteger("go4j.chan.spins", 0);
    private static final int VIRTUAL_YIELDS = Integer.getInteger("go4j.chan.yields", 4);
    /** {@link #spinOutcome()}: the wait did not spin (no budget, not virtual, or the scheduler had queued work). */
    static final int SPIN_SKIPPED = 0;
    /** {@link #spinOutcome()}: the wait ended while spinning. */
    static final int SPIN_ENDED = 1;
    /** {@link #spinOutcome()}: the wait spun and its budget ran out (or work got queued meanwhile). */
    static final int SPIN_FAILED = 2;
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

    /** How the owner's spin before yielding went; written and read by the owner only. */
    private int spinOutcome = SPIN_SKIPPED;

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

    /** How the last {@link #await}'s spin went: {@link #SPIN_SKIPPED}, {@link #SPIN_ENDED} or {@link #SPIN_FAILED}. */
    int spinOutcome() {
        return spinOutcome;
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
     * @param handoffSpins how many rounds a virtual thread may spin first while the scheduler has no
     *     queued work (0: none); {@link #spinOutcome()} tells afterwards how that went
     */
    boolean await(long deadline, Object blocker, int handoffSpins) throws InterruptedException {
        boolean virtual = thread.isVirtual();
        if (WaitStats.ENABLED) WaitStats.waited();
        for (int i = virtual ? VIRTUAL_SPINS : PLATFORM_SPINS; i >= 0; i--) {
            if (state == DONE) {
                if (WaitStats.ENABLED) WaitStats.endedSpinning();
                return true;
            }
            if (i > 0) Thread.onSpinWait();
        }
        if (virtual && handoffSpins > 0 && !SchedulerLoad.hasQueuedWork()) {
            spinOutcome = SPIN_FAILED;
            for (int i = 1; i <= handoffSpins; i++) {
                Thread.onSpinWait();
                if (state == DONE) {
                    spinOutcome = SPIN_ENDED;
                    if (WaitStats.ENABLED) WaitStats.endedSpinning();
                    return true;
                }
                if ((i & 15) == 0 && SchedulerLoad.hasQueuedWork()) break;
            }
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
                awaitClaimed(blocker);
                Thread.currentThread().interrupt();
                return true;
            }
            if (deadline == 0) {
                LockSupport.park(blocker);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (tryCancel()) return false;
                    awaitClaimed(blocker);
                    return true;
                }
                LockSupport.parkNanos(blocker, left);
            }
        }
        return true;
    }

    /** Spins of {@link #awaitClaimed} before it parks. */
    private static final int CLAIMED_SPINS = 256;

    /**
     * A counterpart won the claim and completes the operation: it writes the result, reports its events to
     * the listeners (if any; they may block) and stores DONE. Usually that takes a few hundred nanoseconds,
     * but the counterpart may be descheduled meanwhile, so this spins briefly and then parks: with one
     * carrier, a wait that only spins would keep the counterpart from ever running. {@code parked} is
     * already true (both callers set it before), so {@link #complete} unparks this thread. An interrupt
     * that arrives meanwhile is kept in the thread's status.
     */
    private void awaitClaimed(Object blocker) {
        for (int i = 0; i < CLAIMED_SPINS; i++) {
            if (state == DONE) return;
            Thread.onSpinWait();
        }
        boolean interrupted = false;
        while (state != DONE) {
            LockSupport.park(blocker);
            if (Thread.interrupted()) interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
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
