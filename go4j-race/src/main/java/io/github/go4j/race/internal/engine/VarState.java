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
 * sees an epoch sees its site (or a later one). A site and its epoch are two stores, so a thread that
 * reads both while another access is being published can pair an epoch with the wrong site: each site
 * is therefore stored with a seven-bit tag of its epoch ({@link #tagged}), and a race whose previous
 * site does not carry its epoch's tag is not reported from that side (the pair is torn; the accesses
 * still race and the next conflicting access reports them). {@code reads} is replaced, and the read vector grown or
 * reset, only under this object's monitor (a leaf lock).
 */
public final class VarState {
    long w;
    long r;
    /** The last write's and last read's sites, {@linkplain #tagged tagged} with their epochs. */
    int wSite;
    int rSite;
    /** Read-shared mode ({@code r == SHARED}): the stamp and site of the last read per slot. */
    ReadVector reads;

    private static final int SITE_BITS = 24;
    private static final int SITE_MASK = (1 << SITE_BITS) - 1;

    /**
     * {@code site} with a tag of {@code epoch} in its top bits. A negative site (unknown) is kept as it
     * is, and so is one too large for the tag's room (it becomes unknown); 0, the initial value, is
     * never a tagged site.
     */
    static int tagged(int site, long epoch) {
        if (site < 0 || site > SITE_MASK) return -1;
        return tag(epoch) << SITE_BITS | site;
    }

    /** 1 to 127: a hash of the epoch's clock and slot. */
    private static int tag(long epoch) {
        long h = (epoch ^ (epoch >>> 29)) * 0x9E3779B97F4A7C15L;
        return 1 + (int) ((h >>> 40) % 127);
    }

    /** The site of a {@linkplain #tagged tagged} site. */
    static int siteOf(int tagged) {
        return tagged < 0 ? tagged : tagged & SITE_MASK;
    }

    /** Whether a {@linkplain #tagged tagged} site was stored for {@code epoch} (an unknown one: yes; none yet: no). */
    static boolean belongsTo(int tagged, long epoch) {
        if (tagged < 0) return true;
        return tagged > SITE_MASK && tagged >>> SITE_BITS == tag(epoch);
    }

    static final VarHandle W;
    static final VarHandle R;
    static final VarHandle READS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            W = l.findVarHandle(VarState.class, "w", long.class);
            R = l.findVarHandle(VarState.class, "r", long.class);
            READS = l.findVarHandle(VarState.class, "reads", ReadVector.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A read vector: slot {@code u}'s last read is {@code stamps[u]} at {@code sites[u]}. */
    static final class ReadVector {
        static final VarHandle STAMP = MethodHandles.arrayElementVarHandle(long[].class);

        final long[] stamps;
        final int[] sites;

        ReadVector(int length) {
            stamps = new long[length];
            sites = new int[length];
        }
    }
}
