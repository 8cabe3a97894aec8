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
 * sees an epoch sees its site (or a later one). {@code reads} is replaced, and the read vector grown or
 * reset, only under this object's monitor (a leaf lock).
 */
public final class VarState {
    long w;
    long r;
    int wSite;
    int rSite;
    /** Read-shared mode ({@code r == SHARED}): the stamp and site of the last read per slot. */
    ReadVector reads;

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
