package io.github.go4j.chan;

import io.github.go4j.chan.internal.Channel;
import io.github.go4j.chan.internal.NilChannel;

/**
 * A Go channel: {@code make(chan T)} is {@link #make()}, {@code make(chan T, n)} is {@link #make(int)}.
 *
 * <p><b>Semantics</b> (the Go specification's): an unbuffered channel hands each value from one sender
 * to one receiver, both blocking until the other arrives; a buffered channel of capacity C holds up to C
 * values in FIFO order, blocking senders only when full and receivers only when empty. Values sent by one
 * goroutine are received in the order sent. {@link #close()} wakes every blocked receiver (they get
 * {@code null} / {@code ok == false}) and every blocked sender (they throw {@link ChanClosedException});
 * values already buffered are still delivered after close. {@code null} is never a value: sending it
 * throws {@link NullPointerException}.
 *
 * <p><b>Memory model</b> (Go's rules): a send happens-before the completion of the receive that takes its
 * value; close happens-before a receive that returns because the channel is closed; for an unbuffered
 * channel a receive happens-before the completion of the matching send; for a channel of capacity C the
 * k-th receive happens-before the completion of the (k+C)-th send.
 *
 * <p>Every method may be called from any thread. Blocking methods throw {@link InterruptedException} when
 * the waiting thread is interrupted, and then leave the channel as if the call had not been made: no value
 * is lost or delivered twice. An operation that already completed when the interrupt arrives returns
 * normally with the thread's interrupt status set.
 *
 * <p>{@code toString()} shows the length, the capacity and whether the channel is closed, read at one
 * instant: {@code Chan[len=3, cap=16, closed]}, {@code Chan[unbuffered]}, {@code Chan[nil]}.
 *
 * @param <T> the element type
 */
public interface Chan<T> extends RecvChan<T>, SendChan<T> {

    /**
     * An unbuffered (rendezvous) channel.
     *
     * @param <T> the element type
     * @return a new open channel
     */
    static <T> Chan<T> make() {
        return new Channel<>(0);
    }

    /**
     * A channel with room for {@code capacity} values; 0 makes an unbuffered one.
     *
     * @param <T> the element type
     * @param capacity how many values the channel buffers
     * @return a new open channel
     * @throws IllegalArgumentException if {@code capacity < 0}
     */
    static <T> Chan<T> make(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        return new Channel<>(capacity);
    }

    /**
     * Go's nil channel: never ready. Sending or receiving blocks until interrupted, {@code trySend} and
     * {@code tryRecv} always fail, {@code close} throws {@code ChanClosedException("close of nil channel")},
     * and a select case on it is never chosen. {@code len} and {@code cap} are 0.
     *
     * @param <T> the element type
     * @return the nil channel
     */
    @SuppressWarnings("unchecked")
    static <T> Chan<T> nil() {
        return (Chan<T>) NilChannel.INSTANCE;
    }

    /** The number of values buffered now (a snapshot). */
    @Override
    int len();

    /** The capacity given to {@link #make(int)}; 0 for unbuffered and nil channels. */
    @Override
    int cap();
}
