package io.github.go4j.chan.internal;

import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Received;
import java.util.Iterator;
import java.util.stream.Stream;

/** Placeholder while the channel algorithm is written (this very session). */
public final class Channel<T> implements Chan<T> {
    public Channel(int capacity) { throw new UnsupportedOperationException("not implemented yet"); }
    @Override public T recv() { throw new UnsupportedOperationException(); }
    @Override public Received<T> recvOk() { throw new UnsupportedOperationException(); }
    @Override public Received<T> tryRecv() { throw new UnsupportedOperationException(); }
    @Override public int len() { return 0; }
    @Override public int cap() { return 0; }
    @Override public Iterator<T> iterator() { throw new UnsupportedOperationException(); }
    @Override public Stream<T> stream() { throw new UnsupportedOperationException(); }
    @Override public void send(T value) { throw new UnsupportedOperationException(); }
    @Override public boolean trySend(T value) { throw new UnsupportedOperationException(); }
    @Override public void close() { throw new UnsupportedOperationException(); }
}
