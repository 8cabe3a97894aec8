package io.github.go4j.chan.internal;

/**
 * How long a virtual thread waiting on one channel spins before it yields: adaptive, as HotSpot's monitor
 * spinning is. Spinning pays when the goroutine that will complete the wait runs on another carrier (the
 * wait ends in a few hundred nanoseconds with no yield, no park and no unpark); it wastes the carrier when
 * that goroutine is queued behind the waiter on the same carrier. Which case holds is not observable from
 * a virtual thread, so each channel learns it: a wait that ended while spinning doubles the budget (up to
 * {@code go4j.chan.maxSpins}, default 64, about 1.7 µs of {@code Thread.onSpinWait} on the development
 * machine), one that did not halves it; at zero, one wait in 16 probes with a short spin so the channel
 * can learn that spinning pays again.
 *
 * <p>Implementation note. The fields are plain ints written by every waiter without synchronisation: a lost
 * update only makes one wait spin a little more or less, and an int is never torn.
 */
final class SpinHint {
    static final int MAX_SPINS = Math.max(0, Integer.getInteger("go4j.chan.maxSpins", 64));
    private static final int PROBE_SPINS = Math.min(8, MAX_SPINS);

    private int spins = PROBE_SPINS;
    private int waits;

    /** The number of spins for the next wait. */
    int budget() {
        int s = spins;
        if (s > 0) return s;
        return (++waits & 15) == 0 ? PROBE_SPINS : 0;
    }

    /** The wait ended while spinning. */
    void spinningPaid() {
        spins = Math.min(MAX_SPINS, spins * 2 + 2);
    }

    /** The whole budget was spun and the wait went on. */
    void spinningWasted() {
        spins >>= 1;
    }
}
