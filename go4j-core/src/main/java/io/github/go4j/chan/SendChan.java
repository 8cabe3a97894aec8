package io.github.go4j.chan;

/**
 * The sending side of a channel, as Go's {@code chan<- T}. See {@link Chan} for the semantics and the
 * happens-before edges.
 *
 * @param <T> the element type
 */
public interface SendChan<T> {

    /**
     * Sends {@code value}, blocking until a receiver takes it (unbuffered) or there is room (buffered).
     *
     * @param value the value to send; not null
     * @throws NullPointerException if {@code value} is null
     * @throws ChanClosedException "send on closed channel", also when the channel is closed while waiting
     * @throws InterruptedException if interrupted while waiting; the value was not sent
     */
    void send(T value) throws InterruptedException;

    /**
     * Sends without blocking: true if a waiting receiver or free buffer space took {@code value}, false
     * if sending would block.
     *
     * @param value the value to send; not null
     * @return true if the value was sent, false if sending would block
     * @throws NullPointerException if {@code value} is null
     * @throws ChanClosedException "send on closed channel"
     */
    boolean trySend(T value);

    /**
     * Closes the channel: no more values may be sent; receivers drain what is buffered, then get
     * {@code null} / {@code ok == false}. Blocked receivers and senders are woken at once.
     *
     * @throws ChanClosedException "close of closed channel" on a second close; "close of nil channel" on {@link Chan#nil()}
     */
    void close();

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
}
