package io.github.go4j.race.internal.engine;

/**
 * One thread's handle on one array: the array's shadow (one {@link VarState} per element, shared by
 * every thread) and marks of the elements this thread has already read or written in its current epoch.
 *
 * <p>Implementation note. Owned by one thread; nothing in it is shared but the shadow. FastTrack lets a
 * thread skip an access of the same kind as one it made earlier in the same epoch: no release lies
 * between the two, so every access of another thread is ordered before, after or concurrently with
 * both alike, and a race of the later one is a race of the earlier one, whose epoch the element's state
 * keeps (another thread can replace it only by a conflicting access that the earlier one does not
 * happen-before, and that access then reports the race). FastTrack finds this out from the element's
 * state; the marks find it out from a dense per-thread bitmap, which a loop over a large array streams
 * through instead of the elements' scattered state objects (64 elements per three words rather than
 * about a hundred bytes per element once several threads read it).
 *
 * <p>{@code marks[3k]} is the stamp the next two words are valid for, {@code marks[3k + 1]} and
 * {@code marks[3k + 2]} the read and write bits of elements {@code 64k .. 64k + 63}: a bit counts only
 * while that stamp is the thread's current one, so a new epoch needs no clearing. A bit is set only
 * after the access went through {@link FastTrack} (its epoch is published), and never for an index
 * outside the array. Each bit set is also counted (the counts start again whenever the stamp changes,
 * so they never exceed the bits set and valid for the current stamp); when a count reaches the array's
 * length, the thread has made that kind of access to every element in this stamp, and {@code allRead}
 * / {@code allWritten} hold the stamp: one comparison then answers for the whole array (a matrix row
 * read again and again). The marks are made only after the thread has made enough slow accesses to the
 * array to pay for them (a million virtual threads may each touch one element of a large array), and
 * within a per-thread budget.
 */
public final class ArrayView {
    public static final int READ = 1;
    public static final int WRITE = 2;
    /** Per-thread budget of mark words (16 MiB). */
    private static final long MARK_WORDS_PER_THREAD = 2L << 20;

    public final Object array;
    public final VarState[] shadow;
    /** (stamp, read bits, write bits) per 64 elements, or null until made. */
    public long[] marks;
    private int slowAccesses;
    /** The stamp in which the thread has read (written) every element, or 0: then no mark need be looked at. */
    private long allRead;
    private long allWritten;
    /** The stamp {@link #readMarks} and {@link #writeMarks} count for: bits set since it became current. */
    private long countedStamp;
    private int readMarks;
    private int writeMarks;

    ArrayView(Object array, VarState[] shadow) {
        this.array = array;
        this.shadow = shadow;
    }

    /**
     * Whether {@code t} has made an access of {@code kind} ({@link #READ} or {@link #WRITE}) to element
     * {@code index} in its current epoch. Small, to be inlined into every array access.
     */
    public boolean marked(ThreadClock t, int index, int kind) {
        long stamp = t.stamp;
        if ((kind == READ ? allRead : allWritten) == stamp) return true; // out of bounds: the access throws
        long[] m = marks;
        if (m == null || index < 0) return false;
        int w = (index >>> 6) * 3;
        return w < m.length && m[w] == stamp && (m[w + kind] & (1L << index)) != 0;
    }

    /** Records that {@code t}'s access of {@code kind} to element {@code index} (in bounds) went through FastTrack. */
    public void mark(ThreadClock t, int index, int kind) {
        long[] m = marks;
        if (m == null) {
            int n = shadow.length;
            if (++slowAccesses < 16 + (n >>> 6)) return;
            int words = ((n + 63) >>> 6) * 3;
            if (t.markWords + words > MARK_WORDS_PER_THREAD) return;
            t.markWords += words;
            marks = m = new long[words];
        }
        int w = (index >>> 6) * 3;
        long stamp = t.stamp;
        if (countedStamp != stamp) {
            countedStamp = stamp;
            readMarks = 0;
            writeMarks = 0;
        }
        if (m[w] != stamp) {
            m[w] = stamp;
            m[w + 1] = 0;
            m[w + 2] = 0;
        }
        long bit = 1L << index;
        if ((m[w + kind] & bit) != 0) return;
        m[w + kind] |= bit;
        if (kind == READ) {
            if (++readMarks == shadow.length) allRead = stamp;
        } else if (++writeMarks == shadow.length) {
            allWritten = stamp;
        }
    }

    /** Called when the thread's cache drops this view: its marks no longer count against the budget. */
    void dropped(ThreadClock t) {
        if (marks != null) t.markWords -= marks.length;
    }
}
