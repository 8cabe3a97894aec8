package io.github.go4j.race.internal.engine;

/**
 * The shadow state of one variable (a field of one object, a static field, an array element):
 * FastTrack's last-write epoch and last-read epoch or read vector, and the code site of each.
 *
 * <p>Implementation note. {@code w} and {@code r} are plain fields read and written without a lock on
 * the fast path: when the program's accesses are ordered by happens-before, so are the detector's
 * updates of their shadow (they run beside the accesses); when they are not, the race is reported, and
 * an update lost to it can only hide a later report, never invent one. The read vector ({@code r ==
 * SHARED}) is changed only under this object's monitor (a leaf lock).
 */
public final class VarState {
    long w;
    long r;
    int wSite;
    int rSite;
    /** Read-shared mode: the stamp of the last read per slot, and its site. */
    long[] readStamps;
    int[] readSites;
}
