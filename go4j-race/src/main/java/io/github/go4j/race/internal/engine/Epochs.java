package io.github.go4j.race.internal.engine;

/**
 * FastTrack epochs packed into a {@code long}: {@code (clock << TID_BITS) | tid}, plus one flag bit.
 *
 * <p>Implementation note. An epoch {@code c@t} names the {@code c}-th step of the thread in slot
 * {@code t} (Flanagan and Freund, "FastTrack", PLDI 2009). Slots are reused after a thread ends, so the
 * clock of a slot never restarts: the next occupant continues where the last one stopped, and an epoch
 * always names one step of one thread. {@code 0} means "no access yet". The top bit {@link #INIT} marks
 * an access made while the thread ran a class initialiser: the JVM orders a class's initialisation
 * before every use of the class by another thread (JLS 12.4.2) through its own init lock, which the
 * detector cannot see at each use, so such accesses are treated as happening-before everything.
 * {@link #SHARED} (every bit set) is the read state "read-shared: see the read vector".
 */
public final class Epochs {
    /** Bits of the slot number: at most about a million threads alive at once. */
    public static final int TID_BITS = 20;
    /** The slot mask; the slot {@code TID_MASK} itself is never allocated (it belongs to {@link #SHARED}). */
    public static final long TID_MASK = (1L << TID_BITS) - 1;
    /** Flag: the access was made inside a class initialiser. */
    public static final long INIT = Long.MIN_VALUE;
    /** Read state: more than one unordered reader, recorded in the variable's read vector. */
    public static final long SHARED = -1L;

    private Epochs() {}

    public static long make(int tid, long clock) {
        return (clock << TID_BITS) | tid;
    }

    public static int tid(long epoch) {
        return (int) (epoch & TID_MASK);
    }

    public static long clock(long epoch) {
        return (epoch & ~INIT) >>> TID_BITS;
    }

    /**
     * Whether the access {@code epoch} happens-before a thread whose vector clock is {@code vc}: no
     * access, an access from a class initialiser, or {@code clock <= vc[tid]}.
     */
    public static boolean ordered(long epoch, long[] vc) {
        if (epoch == 0 || (epoch & INIT) != 0) return true;
        int tid = tid(epoch);
        return tid < vc.length && clock(epoch) <= vc[tid];
    }
}
