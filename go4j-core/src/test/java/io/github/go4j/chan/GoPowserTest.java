package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's test/chan/powser1.go: McIlroy's power series ("Squinting at Power Series"), where a series is a pair
 * of demand-driven channels and every operator is a network of goroutines; split replicates a series with a
 * chain of generations that hand over through select. Checks the same coefficients as Go (Ones, Diff, Integ,
 * Cmul, Mul, Exp, and atan as the integral of a monomial substitution).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoPowserTest {

    /** A rational; a denominator of zero marks the end of a series. */
    record Rat(long num, long den) {
        boolean isEnd() {
            return den == 0;
        }

        @Override
        public String toString() {
            return den == 1 ? Long.toString(num) : num + "/" + den;
        }
    }

    static long gcd(long u, long v) {
        if (u < 0) return gcd(-u, v);
        if (u == 0) return v;
        return gcd(v % u, u);
    }

    static Rat i2tor(long u, long v) {
        long g = gcd(u, v);
        return v > 0 ? new Rat(u / g, v / g) : new Rat(-u / g, -v / g);
    }

    static Rat itor(long u) {
        return i2tor(u, 1);
    }

    static final Rat ZERO = itor(0);
    static final Rat ONE = itor(1);
    static final Rat FINIS = i2tor(1, 0);

    static Rat add(Rat u, Rat v) {
        long g = gcd(u.den, v.den);
        return i2tor(u.num * (v.den / g) + v.num * (u.den / g), u.den * (v.den / g));
    }

    static Rat mul(Rat u, Rat v) {
        long g1 = gcd(u.num, v.den);
        long g2 = gcd(u.den, v.num);
        return new Rat((u.num / g1) * (v.num / g2), (u.den / g2) * (v.den / g1));
    }

    static Rat neg(Rat u) {
        return i2tor(-u.num, u.den);
    }

    /** A demand channel: a request on {@code req} is answered on {@code dat}. A power series is one. */
    record Dch(Chan<Integer> req, Chan<Rat> dat) {
        static Dch make() {
            return new Dch(Chan.make(), Chan.make());
        }
    }

    /** The goroutine network of one test; closing the scope ends the generators that run forever. */
    private final GoroutineScope g = new GoroutineScope();
    private final AtomicInteger seqno = new AtomicInteger();

    // split reads a single demand channel and replicates its output onto two, which may be read at
    // different rates. A generation is created at first demand for a rat and dies after the rat has been
    // sent to both outputs. The newest generation serves out[0]; the oldest serves out[1]; when data has
    // finally been sent to out[1], a signal on the release-wait channel tells the next newer generation
    // to begin servicing out[1].
    private void dosplit(Dch in, Dch[] out, Chan<Integer> wait) throws InterruptedException {
        boolean both = false; // do not service both channels
        int first = Select.select(Case.recv(out[0].req, v -> 0), Case.recv(wait, v -> 1));
        if (first == 1) {
            both = true;
            int which = Select.select(Case.recv(out[0].req, v -> 0), Case.recv(out[1].req, v -> 1));
            if (which == 1) {
                Dch t = out[0];
                out[0] = out[1];
                out[1] = t;
            }
        }
        in.req.send(seqno.incrementAndGet());
        Chan<Integer> release = Chan.make();
        g.go(() -> dosplit(in, out, release));
        Rat dat = in.dat.recv();
        out[0].dat.send(dat);
        if (!both) wait.recv();
        out[1].req.recv();
        out[1].dat.send(dat);
        release.send(0);
    }

    private void split(Dch in, Dch[] out) throws InterruptedException {
        Chan<Integer> release = Chan.make();
        g.go(() -> dosplit(in, out, release));
        release.send(0);
    }

    private static void put(Rat dat, Dch out) throws InterruptedException {
        out.req.recv();
        out.dat.send(dat);
    }

    private Rat get(Dch in) throws InterruptedException {
        in.req.send(seqno.incrementAndGet());
        return in.dat.recv();
    }

    /** Gets one rat from each of two demand channels, serving both at once through one select. */
    private Rat[] get2(Dch in0, Dch in1) throws InterruptedException {
        Dch[] in = {in0, in1};
        @SuppressWarnings("unchecked")
        Chan<Integer>[] req = new Chan[] {in0.req, in1.req};
        @SuppressWarnings("unchecked")
        Chan<Rat>[] dat = new Chan[2];
        Rat[] out = new Rat[2];
        for (int n = 4; n > 0; n--) {
            int s = seqno.incrementAndGet();
            int k = Select.select(
                    Case.send(req[0], s, () -> 0), Case.send(req[1], s, () -> 1),
                    Case.recv(dat[0], v -> {
                        out[0] = v;
                        return 2;
                    }),
                    Case.recv(dat[1], v -> {
                        out[1] = v;
                        return 3;
                    }));
            if (k < 2) {
                dat[k] = in[k].dat;
                req[k] = null;
            } else {
                dat[k - 2] = null;
            }
        }
        return out;
    }

    private void copy(Dch in, Dch out) throws InterruptedException {
        while (true) {
            out.req.recv();
            out.dat.send(get(in));
        }
    }

    private Dch[] splitPs(Dch u) {
        Dch[] uu = {Dch.make(), Dch.make()};
        g.go(() -> split(u, uu));
        return uu;
    }

    private Dch rep(Rat c) {
        Dch z = Dch.make();
        g.go(() -> {
            while (true) put(c, z);
        });
        return z;
    }

    private Dch addPs(Dch u, Dch v) {
        Dch z = Dch.make();
        g.go(() -> {
            while (true) {
                z.req.recv();
                Rat[] uv = get2(u, v);
                switch ((uv[0].isEnd() ? 1 : 0) + 2 * (uv[1].isEnd() ? 1 : 0)) {
                    case 0 -> z.dat.send(add(uv[0], uv[1]));
                    case 1 -> {
                        z.dat.send(uv[1]);
                        copy(v, z);
                    }
                    case 2 -> {
                        z.dat.send(uv[0]);
                        copy(u, z);
                    }
                    default -> z.dat.send(FINIS);
                }
            }
        });
        return z;
    }

    private Dch cmul(Rat c, Dch u) {
        Dch z = Dch.make();
        g.go(() -> {
            boolean done = false;
            while (!done) {
                z.req.recv();
                Rat r = get(u);
                if (r.isEnd()) done = true;
                else z.dat.send(mul(c, r));
            }
            z.dat.send(FINIS);
        });
        return z;
    }

    private Dch sub(Dch u, Dch v) {
        return addPs(u, cmul(neg(ONE), v));
    }

    /** Multiply: with U = u + x*UU and V = v + x*VV, UV = u*v + x*(u*VV+v*UU) + x*x*UU*VV. */
    private Dch mulPs(Dch u, Dch v) {
        Dch z = Dch.make();
        g.go(() -> {
            z.req.recv();
            Rat[] uv = get2(u, v);
            if (uv[0].isEnd() || uv[1].isEnd()) {
                z.dat.send(FINIS);
            } else {
                z.dat.send(mul(uv[0], uv[1]));
                Dch[] uu = splitPs(u);
                Dch[] vv = splitPs(v);
                Dch w = addPs(cmul(uv[0], vv[0]), cmul(uv[1], uu[0]));
                z.req.recv();
                z.dat.send(get(w));
                copy(addPs(w, mulPs(uu[1], vv[1])), z);
            }
        });
        return z;
    }

    private Dch diff(Dch u) {
        Dch z = Dch.make();
        g.go(() -> {
            z.req.recv();
            Rat r = get(u);
            if (!r.isEnd()) {
                boolean done = false;
                for (int i = 1; !done; i++) {
                    r = get(u);
                    if (r.isEnd()) {
                        done = true;
                    } else {
                        z.dat.send(mul(itor(i), r));
                        z.req.recv();
                    }
                }
            }
            z.dat.send(FINIS);
        });
        return z;
    }

    /** Integrate, with constant of integration c. */
    private Dch integ(Rat c, Dch u) {
        Dch z = Dch.make();
        g.go(() -> {
            put(c, z);
            boolean done = false;
            for (int i = 1; !done; i++) {
                z.req.recv();
                Rat r = get(u);
                if (r.isEnd()) done = true;
                z.dat.send(mul(i2tor(1, i), r));
            }
            z.dat.send(FINIS);
        });
        return z;
    }

    /** Exponential of a power series with constant term 0: Z = exp(U), DZ = Z*DU, integrated. */
    private Dch exp(Dch u) throws InterruptedException {
        Dch[] zz = {Dch.make(), Dch.make()};
        split(integ(ONE, mulPs(zz[0], diff(u))), zz);
        return zz[1];
    }

    /** Monomial substitution U(c x^n): each Ui is multiplied by c^i and followed by n-1 zeros. */
    private Dch monSubst(Dch u, Rat c0, int n) {
        Dch z = Dch.make();
        g.go(() -> {
            Rat c = ONE;
            while (true) {
                z.req.recv();
                Rat r = get(u);
                z.dat.send(mul(r, c));
                c = mul(c, c0);
                if (r.isEnd()) {
                    z.dat.send(FINIS);
                    break;
                }
                for (int i = 1; i < n; i++) {
                    z.req.recv();
                    z.dat.send(ZERO);
                }
            }
        });
        return z;
    }

    private void check(Dch u, Rat c, int count, String str) throws InterruptedException {
        for (int i = 0; i < count; i++) assertEquals(c, get(u), str + " term " + i);
    }

    private static final int N = 10;

    private void checka(Dch u, Rat[] a, String str) throws InterruptedException {
        for (int i = 0; i < N; i++) check(u, a[i], 1, str);
    }

    /** powser1.go main, the test branch. */
    @Test
    void powser1() throws Exception {
        try (g) {
            Dch ones = rep(ONE);
            Dch twos = rep(itor(2));
            check(ones, ONE, 5, "Ones");
            check(addPs(ones, ones), itor(2), 0, "Add Ones Ones"); // 1 1 1 1 1
            check(addPs(ones, twos), itor(3), 0, "Add Ones Twos"); // 3 3 3 3 3
            Rat[] a = new Rat[N];
            Dch d = diff(ones);
            for (int i = 0; i < N; i++) a[i] = itor(i + 1);
            checka(d, a, "Diff"); // 1 2 3 4 5
            Dch in = integ(ZERO, ones);
            a[0] = ZERO; // integration constant
            for (int i = 1; i < N; i++) a[i] = i2tor(1, i);
            checka(in, a, "Integ"); // 0 1 1/2 1/3 1/4 1/5
            check(cmul(neg(ONE), twos), itor(-2), 10, "CMul"); // -1 -1 -1 -1 -1
            check(sub(ones, twos), itor(-1), 0, "Sub Ones Twos"); // -1 -1 -1 -1 -1
            Dch m = mulPs(ones, ones);
            for (int i = 0; i < N; i++) a[i] = itor(i + 1);
            checka(m, a, "Mul"); // 1 2 3 4 5
            Dch e = exp(ones);
            a[0] = itor(1);
            a[1] = itor(1);
            a[2] = i2tor(3, 2);
            a[3] = i2tor(13, 6);
            a[4] = i2tor(73, 24);
            a[5] = i2tor(167, 40);
            a[6] = i2tor(4051, 720);
            a[7] = i2tor(37633, 5040);
            a[8] = i2tor(43817, 4480);
            a[9] = i2tor(4596553, 362880);
            checka(e, a, "Exp"); // 1 1 3/2 13/6 73/24
            Dch at = integ(ZERO, monSubst(ones, neg(ONE), 2));
            for (int c = 1, i = 0; i < N; i++) {
                if (i % 2 == 0) {
                    a[i] = ZERO;
                } else {
                    a[i] = i2tor(c, i);
                    c *= -1;
                }
            }
            checka(at, a, "ATan"); // 0 -1 0 -1/3 0 -1/5
        }
    }
}
