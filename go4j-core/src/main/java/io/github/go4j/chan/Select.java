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

    private Select() {}

    /**
     * Runs a select over {@code cases}.
     *
     * @return what the chosen case's handler returned
     * @throws IllegalArgumentException if more than one {@link Case#otherwise} is given, or a channel
     *     was not made by go4j
     * @throws ChanClosedException if the chosen case is a send on a closed channel
     * @throws InterruptedException if interrupted while waiting; no case happened
     */
    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <R> R select(Case<R>... cases) throws InterruptedException {
        Objects.requireNonNull(cases, "cases");
        int n = cases.length;
        Case.Otherwise<R> otherwise = null;
        Case.After<R> after = null;
        for (int i = 0; i < n; i++) {
            Case<R> c = Objects.requireNonNull(cases[i], "cases[" + i + "]");
            switch (c) {
                case Case.Recv<?, R> r -> SelectOp.channelOf(r.ch);
                case Case.Send<?, R> s -> SelectOp.channelOf(s.ch);
                case Case.After<R> a -> {
                    if (after == null || a.delay.compareTo(after.delay) < 0) after = a;
                }
                case Case.Otherwise<R> o -> {
                    if (otherwise != null) {
                        throw new IllegalArgumentException("select: more than one Case.otherwise");
                    }
                    otherwise = o;
                }
            }
        }
        if (n <= MAX_QUICK_CASES) {
            if (otherwise == null && Thread.interrupted()) throw new InterruptedException();
            Object r = quickPass(cases, otherwise != null);
            if (r != NOT_DECIDED) return (R) r;
        }
        SelectOp op = new SelectOp(n);
        for (int i = 0; i < n; i++) {
            switch (cases[i]) {
                case Case.Recv<?, R> r -> op.recv(i, r.ch);
                case Case.Send<?, R> s -> op.send(i, s.ch, s.value);
                default -> {}
            }
        }
        int chosen;
        if (otherwise != null) {
            chosen = op.poll();
            if (chosen < 0) return noCaseReady(otherwise, after);
        } else if (after != null) {
            chosen = op.await(timeoutNanos(after.delay));
            if (chosen < 0) return after.then.get();
        } else {
            chosen = op.await(-1);
        }
        return switch (cases[chosen]) {
            case Case.Recv r -> (R) r.then.apply(op.receivedValue(), op.receivedOk());
            case Case.Send<?, R> s -> s.then.get();
            default -> throw new AssertionError("select chose a case that is not a communication");
        };
    }

    /** With a default and no case ready: an expired timeout is a ready case (Go 1.23 timer channels) and beats the default. */
    private static <R> R noCaseReady(Case.Otherwise<R> otherwise, Case.After<R> after) {
        boolean expired = after != null && timeoutNanos(after.delay) == 0;
        return expired ? after.then.get() : otherwise.then.get();
    }

    /** Selects of at most this many cases try {@link #quickPass} first (a permutation fits in a long). */
    private static final int MAX_QUICK_CASES = 16;

    /** {@link #quickPass}'s answer when only the full select can decide. */
    private static final Object NOT_DECIDED = new Object();

    /**
     * The select without allocating: visits the cases in a random permutation (nibbles of a long), skips
     * each one a seqlock read shows would block, and performs the first that proceeds, returning its
     * handler's result. With a default, if every case would block and a second read of the channels'
     * stamps shows none of them changed since (their sum is the same: a stamp only grows, so an equal
     * sum means every stamp is equal, short of one channel being locked 2^31 times in between), no case
     * was ready at the instant the first read ended, and the default (or an expired timeout) runs.
     * Otherwise returns {@link #NOT_DECIDED}: the full select, which locks the channels together, decides.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> Object quickPass(Case<R>[] cases, boolean hasDefault) {
        int n = cases.length;
        long perm = permutation(n);
        long stampSum = 0;
        boolean allWouldBlock = true;
        Case.Otherwise<R> otherwise = null;
        Case.After<R> after = null;
        for (int k = 0; k < n; k++) {
            Case<R> c = cases[(int) (perm >>> (4 * k)) & 15];
            Channel<?> ch;
            boolean send;
            Object value;
            switch (c) {
                case Case.Recv<?, R> r -> {
                    ch = SelectOp.channelOf(r.ch);
                    send = false;
                    value = null;
                }
                case Case.Send<?, R> s -> {
                    ch = SelectOp.channelOf(s.ch);
                    send = true;
                    value = s.value;
                }
                case Case.After<R> a -> {
                    if (after == null || a.delay.compareTo(after.delay) < 0) after = a;
                    continue;
                }
                case Case.Otherwise<R> o -> {
                    otherwise = o;
                    continue;
                }
            }
            if (ch == null) continue; // nil channel: never ready
            long stamp = ch.wouldBlockStamp(send);
            if (stamp >= 0) {
                stampSum += stamp;
                continue;
            }
            Object v = ch.tryNow(send, value);
            if (v == Channel.WOULD_BLOCK) {
                allWouldBlock = false; // it changed under us: only the full select can say none is ready
                continue;
            }
            if (c instanceof Case.Recv r) {
                return v == Channel.CLOSED ? r.then.apply(null, false) : r.then.apply(v, true);
            }
            return ((Case.Send<?, R>) c).then.get();
        }
        if (!hasDefault || !allWouldBlock) return NOT_DECIDED;
        long again = 0;
        for (Case<R> c : cases) {
            Channel<?> ch = switch (c) {
                case Case.Recv<?, R> r -> SelectOp.channelOf(r.ch);
                case Case.Send<?, R> s -> SelectOp.channelOf(s.ch);
                default -> null;
            };
            if (ch != null) again += ch.currentStamp();
        }
        return again == stampSum ? noCaseReady(otherwise, after) : NOT_DECIDED;
    }

    /** A uniformly random permutation of 0..n-1 (n <= 16), element k in bits 4k..4k+3. */
    private static long permutation(int n) {
        long perm = 0xFEDCBA9876543210L;
        if (n < 2) return perm;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            if (j == i) continue;
            long a = (perm >>> (4 * i)) & 15;
            long b = (perm >>> (4 * j)) & 15;
            perm ^= ((a ^ b) << (4 * i)) | ((a ^ b) << (4 * j));
        }
        return perm;
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
