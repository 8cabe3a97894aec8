package io.github.go4j.race.internal.engine;

import io.github.go4j.race.internal.engine.VarState.ReadVector;

/**
 * FastTrack's read and write rules (Flanagan and Freund, PLDI 2009) over {@link VarState}.
 *
 * <p>Implementation note. A variable's last write is one epoch; its reads are one epoch while they are
 * totally ordered and become a vector (read-shared) only when two reads are concurrent. Each check
 * compares an earlier access's epoch {@code c@t} with the current thread's vector clock: ordered iff
 * {@code c <= vc[t]}. The same-epoch checks that open {@link #read} and {@link #write} cover most
 * accesses in practice; they take no lock, allocate nothing and read plainly.
 *
 * <p>Publish, then check. The detector runs beside the program, lock-free, so two conflicting accesses
 * can be checked at the same instant. Were each to check the other kind first and publish its own
 * epoch afterwards, both checks could run before either publication and the race would go unseen (it
 * did: a write and a read right after the same event were missed now and then). So every access first
 * publishes its epoch by a volatile store or read-modify-write ({@code getAndSet} of {@code w}, a CAS of
 * {@code r}, a volatile store into its slot of the read vector) and only then reads the other kind
 * volatilely. All of these are sequentially consistent, so of two conflicting accesses the one that
 * publishes second sees the first (Dekker's argument); each race is found by at least one side.
 *
 * <p>The read vector. A thread stores into its own slot without the lock, then checks that the vector
 * is still the variable's (a write resets it, growth replaces it); if not, it retries. Growth and reset
 * happen under the variable's monitor, first unpublish the vector ({@code reads = null}) and then read
 * its stamps volatilely, so a lock-free store is either seen by them or notices the change and retries.
 * A conflict is passed to the observer after any lock is released.
 *
 * <p>Sites. Each epoch's code site is stored, {@linkplain VarState#tagged tagged} with the epoch, just
 * before the epoch is published. A check that finds an unordered epoch reports it with the site only
 * if the site's tag is that epoch's, else with the site unknown (-1): a later access may have stored
 * its site meanwhile, and the earlier access may have checked before this one published, so staying
 * silent could lose the race. A read that loses its compare-and-set of {@code r} has overwritten the
 * winner's site with its own; it puts back the site it saw before its store if no one stored since, so
 * the winner keeps its site whenever the loser's store came after the winner's.
 */
public final class FastTrack {
    private static volatile RaceObserver observer = (t, site, write, ps, psite, pw, a, i) -> {};

    private FastTrack() {}

    public static void observe(RaceObserver o) {
        observer = o;
    }

    /** A read of the variable {@code s} by {@code t} at {@code site}. */
    public static void read(VarState s, ThreadClock t, int site, Object array, int index) {
        long e = t.stamp;
        long r = s.r;
        if (r != e) readSlow(s, t, site, array, index, e, r);
    }

    /** Not the thread's current epoch: kept out of {@link #read} so that the JIT inlines the same-epoch check. */
    private static void readSlow(VarState s, ThreadClock t, int site, Object array, int index, long e, long r) {
        if (r == Epochs.SHARED) {
            ReadVector v = s.reads;
            if (v != null && t.tid < v.stamps.length && v.stamps[t.tid] == e) return;
        }
        CodeSites.seen(site);
        long[] vc = t.vc;
        publishRead(s, t, e, site, vc);
        long w = (long) VarState.W.getVolatile(s);
        if (!Epochs.ordered(w, vc)) observer.race(t, site, false, w, VarState.siteOf(s.wSite, w), true, array, index);
    }

    private static void publishRead(VarState s, ThreadClock t, long e, int site, long[] vc) {
        int tid = t.tid;
        long mine = VarState.tagged(site, e);
        for (;;) {
            long r = (long) VarState.R.getVolatile(s);
            if (r == e) return;
            if (r == Epochs.SHARED) {
                ReadVector v = (ReadVector) VarState.READS.getVolatile(s);
                if (v != null && tid < v.stamps.length) {
                    v.sites[tid] = mine;
                    ReadVector.STAMP.setVolatile(v.stamps, tid, e);
                    if (VarState.READS.getVolatile(s) == v) return;
                    continue; // reset or grown meanwhile: the store may be lost, publish again
                }
                synchronized (s) {
                    if (s.r != Epochs.SHARED || s.reads == null) continue;
                    if (tid < s.reads.stamps.length) { // grown by another reader meanwhile; no one can change it now
                        s.reads.sites[tid] = mine;
                        ReadVector.STAMP.setVolatile(s.reads.stamps, tid, e);
                        return;
                    }
                    ReadVector grown = grow(s, Math.max(tid + 1, s.reads.stamps.length * 2));
                    grown.sites[tid] = mine;
                    ReadVector.STAMP.setVolatile(grown.stamps, tid, e);
                    VarState.READS.setVolatile(s, grown);
                    return;
                }
            }
            if (Epochs.ordered(r, vc)) {
                long seen = s.rSite;
                s.rSite = mine;
                if (VarState.R.compareAndSet(s, r, e)) return;
                VarState.R_SITE.compareAndSet(s, mine, seen); // lost: give the winner back its site if seen was it
                continue;
            }
            // a read concurrent with the last one: both are kept, in a read vector
            synchronized (s) {
                if (s.r != r) continue;
                int other = Epochs.tid(r);
                ReadVector v = new ReadVector(Math.max(other, tid) + 1);
                v.stamps[other] = r;
                v.sites[other] = s.rSite; // checked against the stamp when reported: possibly a loser's
                v.stamps[tid] = e;
                v.sites[tid] = mine;
                VarState.READS.setVolatile(s, v);
                if (VarState.R.compareAndSet(s, r, Epochs.SHARED)) return;
            }
        }
    }

    /** Under {@code s}'s monitor: a copy of its read vector, {@code length} long; {@code s.reads} is left null. */
    private static ReadVector grow(VarState s, int length) {
        ReadVector old = s.reads;
        VarState.READS.setVolatile(s, null);
        ReadVector v = new ReadVector(length);
        for (int u = 0; u < old.stamps.length; u++) {
            v.stamps[u] = (long) ReadVector.STAMP.getVolatile(old.stamps, u);
            v.sites[u] = old.sites[u];
        }
        return v;
    }

    /** A write of the variable {@code s} by {@code t} at {@code site}. */
    public static void write(VarState s, ThreadClock t, int site, Object array, int index) {
        long e = t.stamp;
        if (s.w != e) writeSlow(s, t, site, array, index, e);
    }

    private static void writeSlow(VarState s, ThreadClock t, int site, Object array, int index, long e) {
        long[] vc = t.vc;
        RaceObserver o = observer;
        CodeSites.seen(site);
        long wSite = s.wSite;
        s.wSite = VarState.tagged(site, e);
        long w = (long) VarState.W.getAndSet(s, e);
        if (!Epochs.ordered(w, vc)) {
            // Two writers that both read wSite before either stored its own hold a site that is not w's:
            // the other writer's store came before its getAndSet, so read it again; unknown (-1) if it
            // has been overwritten since. The race is reported either way.
            if (!VarState.belongsTo(wSite, w)) wSite = s.wSite;
            o.race(t, site, true, w, VarState.siteOf(wSite, w), true, array, index);
        }
        long r = (long) VarState.R.getVolatile(s);
        if (r == Epochs.SHARED) {
            ReadVector v = null;
            synchronized (s) {
                r = s.r;
                if (r == Epochs.SHARED) {
                    v = s.reads;
                    VarState.READS.setVolatile(s, null);
                    VarState.R.setVolatile(s, 0L);
                }
            }
            if (v != null) {
                for (int u = 0; u < v.stamps.length; u++) {
                    long ru = (long) ReadVector.STAMP.getVolatile(v.stamps, u);
                    if (!Epochs.ordered(ru, vc)) o.race(t, site, true, ru, VarState.siteOf(v.sites[u], ru), false, array, index);
                }
                return;
            }
        }
        if (!Epochs.ordered(r, vc)) o.race(t, site, true, r, VarState.siteOf(s.rSite, r), false, array, index);
    }
}
