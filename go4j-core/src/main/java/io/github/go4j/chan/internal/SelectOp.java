package io.github.go4j.chan.internal;

import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.SendChan;

/** Placeholder while the select algorithm is written (this very session). */
public final class SelectOp {
    public SelectOp(int n) {}
    public void recv(int index, RecvChan<?> ch) {}
    public void send(int index, SendChan<?> ch, Object value) {}
    public int poll() { throw new UnsupportedOperationException(); }
    public int await(long timeoutNanos) { throw new UnsupportedOperationException(); }
    public Object receivedValue() { return null; }
    public boolean receivedOk() { return false; }
}
