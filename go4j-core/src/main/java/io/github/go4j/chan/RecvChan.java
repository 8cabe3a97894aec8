package io.github.go4j.chan;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The receiving side of a channel, as Go's {@code <-chan T}. See {@link Chan} for the semantics and the
 * happens-before edges.
 *
 * @param <T> the element type
 */
public interface RecvChan<T> extends Iterable<T> {

    /**
     * Receives a value, blocking until one is available; returns {@code null} once the channel is closed
     * and drained ({@code v := <-ch}).
     *
     * @return the value received, or null if the channel is closed and drained
     * @throws InterruptedException if interrupted while waiting; nothing was received
     */
    T recv() throws InterruptedException;

    /**
     * Receives like {@link #recv()}, and says whether the value came from a send ({@code ok == true}) or from
     * the channel being closed and drained ({@code v, ok := <-ch}).
     *
     * @return the value and whether it came from a send
     * @throws InterruptedException if interrupted while waiting; nothing was received
     */
    Received<T> recvOk() throws InterruptedException;

    /**
     * Receives without blocking: a value if one is ready, {@code Received(null, false)} if the channel is
     * closed and drained, and {@code null} if receiving would block.
     *
     * @return the value received, {@code Received(null, false)} if closed and drained, or null if receiving
     *     would block
     */
    Received<T> tryRecv();

    /**
     * The number of values buffered now (a snapshot).
     *
     * @return the number of values buffered
     */
    int len();

    /**
     * The channel's capacity.
     *
     * @return the capacity (0 for an unbuffered channel)
     */
    int cap();

    /**
     * {@code for v := range ch}: iterates over received values until the channel is closed and drained.
     * {@code hasNext()} blocks; if the iterating thread is interrupted it throws
     * {@link java.util.concurrent.CancellationException} (with the interrupt status set again), losing no value.
     */
    @Override
    Iterator<T> iterator();

    /**
     * The values of {@link #iterator()} as a sequential, ordered stream that ends when the channel is closed and drained.
     *
     * @return the stream of received values
     */
    Stream<T> stream();
}
