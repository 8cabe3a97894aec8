package io.github.go4j.race.internal.engine;

import java.util.Arrays;

/**
 * FastTrack's read and write rules (Flanagan and Freund, PLDI 2009) over {@link VarState}.
 *
 * <p>Implementation note. A variable's last write is one epoch; its reads are one epoch while they are
 * totally ordered and become a vector (read-shared) only when two reads are concurrent. The same-epoch
 * checks that open {@link #read} and {@link #write} cover most accesses in practice and take no lock
 * and allocate nothing. Each check compares an earlier access's epoch {@code c@t} with the current
 * thread's vector clock: ordered iff {@code c <= vc[t]}. A conflict is passed to the observer after
 * any lock is released.
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
        if (r == e) return;
        long[] vc = t.vc;
        if (r == Epochs.SHARED) {
            long[] rs = s.readStamps;
            if (rs != null && t.tid < rs.length && rs[t.tid] == e) return;
        }
        long w = s.w;
        if (!Epochs.ordered(w, vc)) observer.race(t, site, false, w, s.wSite, true, array, index);
        CodeSites.seen(site);
        if (r != Epochs.SHARED && Epochs.ordered(r, vc)) {
            s.r = e;
            s.rSite = site;
            return;
        }
        synchronized (s) {
            r = s.r;
            if (r != Epochs.SHARED) {
                if (Epochs.ordered(r, vc)) {
                    s.r = e;
                    s.rSite = site;
                    return;
                }
                int other = Epochs.tid(r);
                long[] rs = new long[Math.max(other, t.tid) + 1];
                int[] sites = new int[rs.length];
                rs[other] = r;
                sites[other] = s.rSite;
                s.readStamps = rs;
                s.readSites = sites;
                s.r = Epochs.SHARED;
            }
            if (t.tid >= s.readStamps.length) {
                int n = Math.max(t.tid + 1, s.readStamps.length * 2);
                s.readSites = Arrays.copyOf(s.readSites, n);
                s.readStamps = Arrays.copyOf(s.readStamps, n);
            }
            s.readSites[t.tid] = site;
            s.readStamps[t.tid] = e;
        }
    }

    /** A write of the variable {@code s} by {@code t} at {@code site}. */
    public static void write(VarState s, ThreadClock t, int site, Object array, int index) {
        long e = t.stamp;
        long w = s.w;
        if (w == e) return;
        long[] vc = t.vc;
        RaceObserver o = observer;
        CodeSites.seen(site);
        if (!Epochs.ordered(w, vc)) o.race(t, site, true, w, s.wSite, true, array, index);
        long r = s.r;
        if (r == Epochs.SHARED) {
            long[] rs;
            int[] sites;
            synchronized (s) {
                rs = s.readStamps;
                sites = s.readSites;
                s.readStamps = null;
                s.readSites = null;
                s.r = 0;
            }
            if (rs != null) {
                for (int u = 0; u < rs.length; u++) {
                    if (!Epochs.ordered(rs[u], vc)) o.race(t, site, true, rs[u], sites[u], false, array, index);
                }
            }
        } else if (!Epochs.ordered(r, vc)) {
            o.race(t, site, true, r, s.rSite, false, array, index);
        }
        s.w = e;
        s.wSite = site;
    }
}
