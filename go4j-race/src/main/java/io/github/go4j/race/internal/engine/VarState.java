package io.github.go4j.race.internal.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The shadow state of one variable (a field of one object, a static field, an array element):
 * FastTrack's last-write epoch and last-read epoch or read vector, and the code site of each.
 *
 * <p>Implementation note. The fast paths read {@code w}, {@code r} and {@code reads} plainly (a stale
 * value only sends an access down the slow path). Every change of {@code w} and {@code r}, and of a
 * read vector's stamps, is a volatile (sequentially consistent) store or read-modify-write made before
 * the access checks the other kind ({@link FastTrack}): of two conflicting accesses, the later one to
 * publish sees the other. A site is stored plainly just before its epoch's volatile store, so whoever
 * sees an epoch sees its site or a later one: a later access's site stored before its own epoch, or the
 * site of a read that lost its compare-and-set of {@code r}. Each site is therefore stored with a tag of
 * its epoch ({@link #tagged}: the epoch's slot and the low 20 bits of its clock), and a site whose tag
 * is not its epoch's is reported as unknown. The tag holds the whole slot, so a site stored by another
 * thread alive at the same time is never taken for an epoch's; a site of the same slot is, only if its
 * clock is a multiple of 2<sup>20</sup> steps away. {@code reads} is replaced, and the read vector grown
 * or reset, only under this object's monitor (a leaf lock).
 */
public final class VarState {
    long w;
    long r;
    /** The last write's and last read's sites, {@linkplain #tagged tagged} with their epochs. */
    long wSite;
    long rSite;
    /** Read-shared mode ({@code r == SHARED}): the stamp and tagged site of the last read per slot. */
    ReadVector reads;

    private static final int SITE_BITS = 24;
    /** The site bits; all of them set: unknown. */
    private static final long SITE_MASK = (1L << SITE_BITS) - 1;
    /** The epoch bits a tag keeps: the slot ({@link Epochs#TID_BITS}) and the clock's low bits. */
    private static final long TAG_MASK = (1L << (Long.SIZE - SITE_BITS)) - 1;

    /**
     * {@code site} with a tag of {@code epoch} in its top 40 bits. A negative site (unknown), or one too
     * large for its 24 bits, is kept as unknown.
     */
    static long tagged(int site, long epoch) {
        long s = site < 0 || site >= SITE_MASK ? SITE_MASK : site;
        return (epoch & TAG_MASK) << SITE_BITS | s;
    }

    /** The site of a {@linkplain #tagged tagged} site, -1 if unknown. */
    static int siteOf(long tagged) {
        long s = tagged & SITE_MASK;
        return s == SITE_MASK ? -1 : (int) s;
    }

    /** Whether a {@linkplain #tagged tagged} site was stored for {@code epoch}. */
    static boolean belongsTo(long tagged, long epoch) {
        return tagged >>> SITE_BITS == (epoch & TAG_MASK);
    }

    /** The site of {@code tagged} if it was stored for {@code epoch}, else -1 (unknown). */
    static int siteOf(long tagged, long epoch) {
        return belongsTo(tagged, epoch) ? siteOf(tagged) : -1;
    }

    static final VarHandle W;
    static final VarHandle R;
    static final VarHandle R_SITE;
    static final VarHandle READS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            W = l.findVarHandle(VarState.class, "w", long.class);
            R = l.findVarHandle(VarState.class, "r", long.class);
            R_SITE = l.findVarHandle(VarState.class, "rSite", long.class);
            READS = l.findVarHandle(VarState.class, "reads", ReadVector.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A read vector: slot {@code u}'s last read is {@code stamps[u]} at {@code sites[u]} ({@linkplain #tagged tagged}). */
    static final class ReadVector {
        static final VarHandle STAMP = MethodHandles.arrayElementVarHandle(long[].class);

        final long[] stamps;
        final long[] sites;

        ReadVector(int length) {
            stamps = new long[length];
            sites = new long[length];
        }
    }
}
