package io.github.go4j.chan;

import io.github.go4j.chan.internal.Channel;
import io.github.go4j.chan.internal.SelectOp;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Go's {@code select} statement.
 *
 * <p>{@link #select} blocks until one of its cases can proceed, performs exactly that one communication,
 * then runs the case's handler and returns what it returns. Readiness is judged at one instant: when
 * several cases are ready, one is chosen uniformly at random; a default case ({@link Case#otherwise})
 * runs only if no case was ready at that instant, and then nothing blocks. A select never pairs its own
 * send with its own receive. The same channel may appear in several cases. A select that has to wait
 * registers its cases in random order, so none of several cases on one channel is favoured.
 *
 * <p>A {@link Case#after} case is ready once its delay has passed; one with a zero or negative delay is
 * ready at once, so it is chosen rather than a default.
 *
 * <p>The communication has the same happens-before edges as the plain {@code send}/{@code recv} on that
 * channel. If the selecting thread is interrupted while waiting, no case has happened and
 * {@link InterruptedException} is thrown. A select with no cases (or only nil-channel cases and no
 * default or timeout) blocks until interrupted, as Go's {@code select {}} blocks forever.
 */
public final class Select {

    // Implementation note. A select makes one pass over its cases in a random permutation, without
    // locking anything to decide that a case would block (a seqlock read of its channel) and locking one
    // channel at a time to perform a case that may proceed: the first that does is chosen, which makes the
    // choice among ready cases uniform. With a default, the pass also decides that no case was ready (the
    // channels' stamps did not move). This pass decides most selects and allocates nothing (the
    // permutation of up to 16 cases is packed in a long). Only when it cannot decide does the select build
    // a SelectOp, handing it the cases in the order the pass visited them: it locks the channels together,
    // judges the cases at one instant in that same order and, if it may, waits.

    private Select() {}

    /**
     * Runs a select over {@code cases}.
     *
     * @param <R> what the select returns
     * @param cases the cases to choose from
     * @return what the chosen case's handler returned
     * @throws IllegalArgumentException if more than one {@link Case#otherwise} is given, or a channel
     *     was not made by go4j
     * @throws ChanClosedException if the chosen case is a send on a closed channel
     * @throws InterruptedException if interrupted while waiting; no case happened
     */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public static <R> R select(Case<R>... cases) throws InterruptedException {
        long special = scan(cases);
        if (otherwiseIndex(special) < 0 && Thread.interrupted()) throw new InterruptedException();
        int n = cases.length;
        long perm = n <= MAX_PACKED_CASES ? permutation(n) : 0;
        int[] order = n <= MAX_PACKED_CASES ? null : shuffled(n);
        Object r = firstPass(cases, special, perm, order);
        if (r != NOT_DECIDED) return (R) r;
        return fullSelect(cases, special, perm, order);
    }

    /**
     * Checks the cases and finds the special ones: the index of the default (or -1) in the low 32 bits,
     * of the earliest timeout (or -1) in the high 32 bits.
     */
    private static long scan(Case<?>[] cases) {
        Objects.requireNonNull(cases, "cases");
        int otherwise = -1;
        int after = -1;
        for (int i = 0; i < cases.length; i++) {
            Case<?> c = cases[i];
            if (c == null) throw new NullPointerException("cases[" + i + "]"); // no message built per call
            // instanceof tests rather than a pattern switch: the switch's bootstrap does not inline as well
            if (c instanceof Case.Recv<?, ?> r) {
                SelectOp.channelOf(r.ch);
            } else if (c instanceof Case.Send<?, ?> s) {
                SelectOp.channelOf(s.ch);
            } else if (c instanceof Case.After<?> a) {
                if (after < 0 || a.delay.compareTo(((Case.After<?>) cases[after]).delay) < 0) after = i;
            } else {
                if (otherwise >= 0) throw new IllegalArgumentException("select: more than one Case.otherwise");
                otherwise = i;
            }
        }
        return ((long) after << 32) | (otherwise & 0xFFFF_FFFFL);
    }

    private static int otherwiseIndex(long special) {
        return (int) special;
    }

    private static int afterIndex(long special) {
        return (int) (special >> 32);
    }

    /**
     * The select that locks the channels together and, without a default, waits; its cases in the order
     * the first pass visited them ({@code perm}, or {@code order} for more than 16 cases).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> R fullSelect(Case<R>[] cases, long special, long perm, int[] order) throws InterruptedException {
        int n = cases.length;
        int otherwise = otherwiseIndex(special);
        int after = afterIndex(special);
        SelectOp op = new SelectOp(n);
        for (int k = 0; k < n; k++) {
            int i = caseAt(k, perm, order);
            if (cases[i] instanceof Case.Recv<?, R> r) {
                op.recv(i, r.ch);
            } else if (cases[i] instanceof Case.Send<?, R> s) {
                op.send(i, s.ch, s.value);
            }
        }
        int chosen;
        if (otherwise >= 0) {
            chosen = op.poll();
            if (chosen < 0) return noCaseReady(cases, special);
        } else if (after >= 0) {
            Case.After<R> a = (Case.After<R>) cases[after];
            chosen = op.await(timeoutNanos(a.delay));
            if (chosen < 0) return a.then.get();
        } else {
            chosen = op.await(-1);
        }
        if (cases[chosen] instanceof Case.Recv r) return (R) r.handle(op.receivedValue(), op.receivedOk());
        return ((Case.Send<?, R>) cases[chosen]).then.get();
    }

    /** With a default and no case ready: an expired timeout is a ready case (Go 1.23 timer channels) and beats the default. */
    @SuppressWarnings("unchecked")
    private static <R> R noCaseReady(Case<R>[] cases, long special) {
        int after = afterIndex(special);
        if (after >= 0) {
            Case.After<R> a = (Case.After<R>) cases[after];
            if (timeoutNanos(a.delay) == 0) return a.then.get();
        }
        return ((Case.Otherwise<R>) cases[otherwiseIndex(special)]).then.get();
    }

    /** Selects of at most this many cases visit them in a permutation packed in a long ({@link #permutation}). */
    private static final int MAX_PACKED_CASES = 16;

    /** {@link #firstPass}'s answer when only the full select can decide. */
    private static final Object NOT_DECIDED = new Object();

    /**
     * The k-th case to visit: element k of the permutation packed in {@code perm}, or of {@code order} when
     * it is not null (more than {@link #MAX_PACKED_CASES} cases).
     */
    private static int caseAt(int k, long perm, int[] order) {
        return order == null ? (int) (perm >>> (4 * k)) & 15 : order[k];
    }

    /**
     * The first pass, without allocating: visits the cases in the random order given ({@link #caseAt}),
     * skips each one a seqlock read shows would block, and performs the first that proceeds (under its own
     * channel's lock only), returning its handler's result: a case found ready is ready when performed, a
     * choice Go's select could make. With a default, if every case would block and a second read of the
     * channels' stamps shows none of them changed since (their sum is the same: a stamp only grows, so an
     * equal sum means every stamp is equal, short of one channel being locked 2^31 times in between), no
     * case was ready at the instant the first read ended, and the default (or an expired timeout) runs.
     * Otherwise returns {@link #NOT_DECIDED}: the full select, which locks the channels together, decides.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> Object firstPass(Case<R>[] cases, long special, long perm, int[] order) {
        int n = cases.length;
        long stampSum = 0;
        boolean allWouldBlock = true;
        for (int k = 0; k < n; k++) {
            Case<R> c = cases[caseAt(k, perm, order)];
            Channel<?> ch = channelOf(c);
            if (ch == null) continue; // a timeout, the default or a nil channel: none is a ready communication
            boolean send = c instanceof Case.Send;
            long stamp = ch.wouldBlockStamp(send);
            if (stamp >= 0) {
                stampSum += stamp;
                continue;
            }
            Object v = ch.tryNow(send, send ? ((Case.Send<?, R>) c).value : null);
            if (v != Channel.WOULD_BLOCK) return handled(c, v);
            allWouldBlock = false; // it changed under us: only the full select can say none is ready
        }
        if (otherwiseIndex(special) < 0 || !allWouldBlock) return NOT_DECIDED;
        return stampSum(cases) == stampSum ? noCaseReady(cases, special) : NOT_DECIDED;
    }

    /** The channel of a communication case; null for a timeout, the default or a nil channel. */
    private static Channel<?> channelOf(Case<?> c) {
        if (c instanceof Case.Recv<?, ?> r) return SelectOp.channelOf(r.ch);
        if (c instanceof Case.Send<?, ?> s) return SelectOp.channelOf(s.ch);
        return null;
    }

    /** Runs the handler of communication case {@code c}, which got {@code v} (a receive: the value or CLOSED). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> R handled(Case<R> c, Object v) {
        if (c instanceof Case.Recv r) return (R) (v == Channel.CLOSED ? r.handle(null, false) : r.handle(v, true));
        return ((Case.Send<?, R>) c).then.get();
    }

    /** The sum of the current seqlock stamps of the cases' channels. */
    private static long stampSum(Case<?>[] cases) {
        long sum = 0;
        for (Case<?> c : cases) {
            Channel<?> ch = channelOf(c);
            if (ch != null) sum += ch.currentStamp();
        }
        return sum;
    }

    /**
     * A random permutation of 0..n-1 (n <= 16), element k in bits 4k..4k+3: a Fisher-Yates shuffle that
     * draws all its swap indices from one random long, read as a fraction x in [0, 1): the index for
     * bound b is floor(x * b) and x * b's fractional part is the fraction for the next bound (the high and
     * the low 64 bits of the product). The bounds' product, n!, is below 2^45, so each permutation's
     * probability is within n!/2^64 (below 2^-19) of uniform, while one draw costs a quarter of n - 1
     * bounded {@code nextInt} calls (each a division).
     */
    static long permutation(int n) {
        long perm = 0xFEDCBA9876543210L;
        if (n < 2) return perm;
        long x = ThreadLocalRandom.current().nextLong();
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Math.unsignedMultiplyHigh(x, i + 1);
            x *= i + 1;
            if (j == i) continue;
            long a = (perm >>> (4 * i)) & 15;
            long b = (perm >>> (4 * j)) & 15;
            perm ^= ((a ^ b) << (4 * i)) | ((a ^ b) << (4 * j));
        }
        return perm;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates), for selects of more than 16 cases. */
    private static int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static long timeoutNanos(Duration d) {
        if (d.isNegative() || d.isZero()) return 0;
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
