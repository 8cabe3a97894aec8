package io.github.go4j.chan.internal;

/**
 * The adaptive spin of waits on an unbuffered channel: how many {@link Thread#onSpinWait()} rounds a
 * waiting virtual thread may spend, while the scheduler has nothing queued ({@link SchedulerLoad}),
 * before it yields. Each channel keeps one budget, encoded in an int:
 *
 * <ul>
 *   <li>a wait that ended while spinning resets it to {@link #MAX} (the counterpart runs on another
 *       carrier: a ping-pong, a producer and its consumer);</li>
 *   <li>a wait whose spin ran out halves it; below {@link #MIN} it drops to zero, and the channel then
 *       spins only on every {@link #PROBE_EVERY}-th wait, {@link #MIN} rounds, to notice that spinning
 *       has started to pay again (waiters on a channel nobody sends to, such as a context's done
 *       channel, stop spinning after a few waits);</li>
 *   <li>a wait that did not spin (the scheduler had queued work) leaves it unchanged.</li>
 * </ul>
 *
 * Non-negative values are a budget; a negative value {@code -k} counts the waits since the last probe.
 */
final class SpinBudget {
    static final int MAX = Integer.getInteger("go4j.chan.handoffSpins", 128);
    static final int MIN = 16;
    static final int PROBE_EVERY = 64;
    static final int INITIAL = MAX;

    private SpinBudget() {}

    /** The rounds the next wait may spin for, given the channel's state. */
    static int toSpin(int state) {
        if (state >= 0) return state;
        return -state % PROBE_EVERY == 0 ? MIN : 0;
    }

    /**
     * The channel's next state after a wait that started in {@code state}.
     *
     * @param outcome {@link Parker#SPIN_ENDED}, {@link Parker#SPIN_FAILED} or {@link Parker#SPIN_SKIPPED}
     */
    static int next(int state, int outcome) {
        if (outcome == Parker.SPIN_ENDED) return MAX;
        if (state >= 0) {
            if (outcome != Parker.SPIN_FAILED) return state;
            int half = state >> 1;
            return half >= MIN ? half : -1;
        }
        // zero budget: count waits towards the next probe (whose failure keeps it at zero)
        return state == Integer.MIN_VALUE ? -1 : state - 1;
    }
}
