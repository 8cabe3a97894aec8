package io.github.go4j.chan.internal;

import io.github.go4j.chan.Chan;
import io.github.go4j.chan.ChanClosedException;
import io.github.go4j.chan.Received;
import io.github.go4j.spi.internal.Events;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** Go's nil channel: never ready. Blocking operations wait until interrupted; select never chooses it. */
public final class NilChannel<T> implements Chan<T> {
    public static final NilChannel<Object> INSTANCE = new NilChannel<>();

    private NilChannel() {}

    /** Blocks until interrupted, as an operation on a nil channel blocks forever in Go. */
    static void blockForever(Object blocker, String waitReason) throws InterruptedException {
        Events.blocked(blocker, waitReason);
        try {
            while (!Thread.interrupted()) LockSupport.park(blocker);
            throw new InterruptedException();
        } finally {
            Events.unblocked(blocker);
        }
    }

    @Override
    public T recv() throws InterruptedException {
        blockForever(this, "chan receive (nil chan)");
        return null;
    }

    @Override
    public Received<T> recvOk() throws InterruptedException {
        blockForever(this, "chan receive (nil chan)");
        return null;
    }

    @Override
    public Received<T> tryRecv() {
        return null;
    }

    @Override
    public void send(T value) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        blockForever(this, "chan send (nil chan)");
    }

    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "value");
        return false;
    }

    @Override
    public void close() {
        throw new ChanClosedException("close of nil channel");
    }

    @Override
    public int len() {
        return 0;
    }

    @Override
    public int cap() {
        return 0;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    blockForever(NilChannel.this, "chan receive (nil chan)");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new CancellationException("interrupted while ranging over a nil channel");
            }

            @Override
            public T next() {
                hasNext();
                throw new AssertionError("unreachable");
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(iterator(), java.util.Spliterator.ORDERED), false);
    }

    /**
     * What a nil channel is.
     *
     * @return {@code Chan[nil]}
     */
    @Override
    public String toString() {
        return "Chan[nil]";
    }
}
