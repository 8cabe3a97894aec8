package io.github.go4j.chan;

import io.github.go4j.chan.internal.SelectOp;
import java.time.Duration;
import java.util.Objects;

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
        SelectOp op = new SelectOp(n);
        Case.Otherwise<R> otherwise = null;
        Case.After<R> after = null;
        for (int i = 0; i < n; i++) {
            Case<R> c = Objects.requireNonNull(cases[i], "cases[" + i + "]");
            switch (c) {
                case Case.Recv<?, R> r -> op.recv(i, r.ch);
                case Case.Send<?, R> s -> op.send(i, s.ch, s.value);
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
        int chosen;
        if (otherwise != null) {
            chosen = op.poll();
            if (chosen < 0) {
                // an expired timeout is a ready case (Go 1.23 timer channels): it beats the default
                boolean expired = after != null && timeoutNanos(after.delay) == 0;
                return expired ? after.then.get() : otherwise.then.get();
            }
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

    private static long timeoutNanos(Duration d) {
        if (d.isNegative() || d.isZero()) return 0;
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
