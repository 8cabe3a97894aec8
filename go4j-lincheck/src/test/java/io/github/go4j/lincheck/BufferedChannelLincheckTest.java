package io.github.go4j.lincheck;

import io.github.go4j.chan.Chan;
import io.github.go4j.chan.ChanClosedException;
import io.github.go4j.chan.Received;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * A buffered channel's non-blocking operations — {@code trySend}, {@code tryRecv}, {@code len}, {@code close} —
 * are linearizable with respect to a FIFO queue of capacity {@value #CAPACITY} with a closed flag (Go's
 * semantics: a send on a closed channel panics, a receive drains what was buffered before it reports the
 * close, a second close panics). Covers the lock-free paths too: a trySend on a full channel and a tryRecv on
 * an empty one fail on a seqlock read without taking the lock.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class BufferedChannelLincheckTest extends LinearizabilityCheck {

    static final int CAPACITY = 2;

    private final Chan<Integer> ch = Chan.make(CAPACITY);

    @Operation
    public boolean trySend(@Param(name = "value") int value) {
        return ch.trySend(value);
    }

    @Operation
    public String tryRecv() {
        return describe(ch.tryRecv());
    }

    @Operation
    public int len() {
        return ch.len();
    }

    @Operation
    public void close() {
        ch.close();
    }

    static String describe(Received<Integer> r) {
        if (r == null) return "would block";
        return r.ok() ? "received " + r.value() : "closed";
    }

    @Override
    Class<?> sequentialModel() {
        return Model.class;
    }

    /** The sequential specification: Go's buffered channel, one operation at a time. */
    public static final class Model {
        private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
        private boolean closed;

        public boolean trySend(int value) {
            if (closed) throw new ChanClosedException("send on closed channel");
            if (buffer.size() == CAPACITY) return false;
            buffer.add(value);
            return true;
        }

        public String tryRecv() {
            if (!buffer.isEmpty()) return "received " + buffer.poll();
            return closed ? "closed" : "would block";
        }

        public int len() {
            return buffer.size();
        }

        public void close() {
            if (closed) throw new ChanClosedException("close of closed channel");
            closed = true;
        }
    }
}
