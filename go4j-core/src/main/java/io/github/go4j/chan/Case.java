package io.github.go4j.chan;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One case of a {@link Select#select select}: a receive, a send, a timeout or the default. A case
 * value may be reused in later selects; its handler runs on the selecting goroutine after the
 * communication happened.
 *
 * <p>A {@code null} channel is Go's nil channel: the case is never chosen (handy for switching a case
 * off, as Go programs do by setting a channel variable to nil).
 *
 * @param <R> what the select returns when this case is chosen
 */
public abstract sealed class Case<R> permits Case.Recv, Case.Send, Case.After, Case.Otherwise {

    private Case() {}

    /**
     * {@code case v := <-ch}: chosen when a value can be received or {@code ch} is closed; {@code then}
     * gets the value, or {@code null} on a closed channel.
     *
     * @param <T> the type of the channel's values
     * @param <R> what the select returns when this case is chosen
     * @param ch the channel to receive from; null never ready
     * @param then gets the value received, or null if {@code ch} is closed
     * @return the case
     */
    public static <T, R> Case<R> recv(RecvChan<T> ch, Function<T, R> then) {
        Objects.requireNonNull(then, "then");
        return new Recv<>(ch, then, null);
    }

    /**
     * {@code case v, ok := <-ch}: like {@link #recv} and also says whether the value came from a send.
     *
     * @param <T> the type of the channel's values
     * @param <R> what the select returns when this case is chosen
     * @param ch the channel to receive from; null never ready
     * @param then gets the value received (null if {@code ch} is closed) and true if it came from a send
     * @return the case
     */
    public static <T, R> Case<R> recvOk(RecvChan<T> ch, BiFunction<T, Boolean, R> then) {
        Objects.requireNonNull(then, "then");
        return new Recv<>(ch, null, then);
    }

    /**
     * {@code case ch <- value}: chosen when {@code value} can be sent; if {@code ch} is closed when the
     * select would choose it, the select throws {@code ChanClosedException("send on closed channel")}.
     *
     * @param <T> the type of the channel's values
     * @param <R> what the select returns when this case is chosen
     * @param ch the channel to send on; null never ready
     * @param value the value to send
     * @param then runs once the value was sent; its result is the select's
     * @return the case
     * @throws NullPointerException if {@code value} is null
     */
    public static <T, R> Case<R> send(SendChan<T> ch, T value, Supplier<R> then) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(then, "then");
        return new Send<>(ch, value, then);
    }

    /**
     * {@code case <-time.After(delay)}: chosen when {@code delay} has passed since the select began and
     * no other case was ready first. A zero or negative delay is ready at once. With several, the earliest wins.
     *
     * @param <R> what the select returns when this case is chosen
     * @param delay how long after the select began this case is ready
     * @param then runs when the delay has passed; its result is the select's
     * @return the case
     */
    public static <R> Case<R> after(Duration delay, Supplier<R> then) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(then, "then");
        return new After<>(delay, then);
    }

    /**
     * {@code default:}: chosen, without blocking, when no other case is ready. At most one per select.
     *
     * @param <R> what the select returns when this case is chosen
     * @param then runs when no other case is ready; its result is the select's
     * @return the case
     */
    public static <R> Case<R> otherwise(Supplier<R> then) {
        Objects.requireNonNull(then, "then");
        return new Otherwise<>(then);
    }

    /** A receive case: exactly one of its two handlers is set (no wrapper lambda to allocate per case). */
    static final class Recv<T, R> extends Case<R> {
        final RecvChan<T> ch;
        private final Function<T, R> thenValue;
        private final BiFunction<T, Boolean, R> thenValueOk;

        Recv(RecvChan<T> ch, Function<T, R> thenValue, BiFunction<T, Boolean, R> thenValueOk) {
            this.ch = ch;
            this.thenValue = thenValue;
            this.thenValueOk = thenValueOk;
        }

        /** Runs the handler with what the receive got ({@code ok} false: the channel was closed). */
        R handle(T value, boolean ok) {
            return thenValue != null ? thenValue.apply(value) : thenValueOk.apply(value, ok);
        }
    }

    static final class Send<T, R> extends Case<R> {
        final SendChan<T> ch;
        final T value;
        final Supplier<R> then;

        Send(SendChan<T> ch, T value, Supplier<R> then) {
            this.ch = ch;
            this.value = value;
            this.then = then;
        }
    }

    static final class After<R> extends Case<R> {
        final Duration delay;
        final Supplier<R> then;

        After(Duration delay, Supplier<R> then) {
            this.delay = delay;
            this.then = then;
        }
    }

    static final class Otherwise<R> extends Case<R> {
        final Supplier<R> then;

        Otherwise(Supplier<R> then) {
            this.then = then;
        }
    }
}
