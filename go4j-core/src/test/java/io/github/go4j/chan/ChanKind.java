package io.github.go4j.chan;

/** The kinds of channel every conformance test runs over (STYLE.md item 7). */
public enum ChanKind {
    UNBUFFERED(0),
    BUFFERED_1(1),
    BUFFERED_N(16);

    /** The capacity given to {@link Chan#make(int)}. */
    public final int capacity;

    ChanKind(int capacity) {
        this.capacity = capacity;
    }

    /** A new channel of this kind. */
    public <T> Chan<T> make() {
        return Chan.make(capacity);
    }
}
