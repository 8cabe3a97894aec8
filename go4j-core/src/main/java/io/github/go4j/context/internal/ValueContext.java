package io.github.go4j.context.internal;

import io.github.go4j.chan.RecvChan;
import io.github.go4j.context.Context;
import java.time.Instant;
import java.util.Optional;

/** {@code context.WithValue}: one key bound to one value; everything else is the parent's. */
public final class ValueContext implements Context {
    private final Context parent;
    private final Key<?> key;
    private final Object value;

    public ValueContext(Context parent, Key<?> key, Object value) {
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    @Override public RecvChan<Void> done() { return parent.done(); }
    @Override public RuntimeException err() { return parent.err(); }
    @Override public Optional<Instant> deadline() { return parent.deadline(); }
    @Override public <T> T value(Key<T> k) { return lookup(this, k); }

    Context parent() {
        return parent;
    }

    /**
     * The value of {@code key} seen from {@code c}: walks toward the root through go4j's own context types
     * in a loop (no recursion, however deep the chain), and asks the first foreign context it meets.
     * {@link CancelNode#KEY} finds the nearest cancellable go4j ancestor, as Go's {@code &cancelCtxKey} does;
     * {@link WithoutCancelContext} hides it.
     */
    @SuppressWarnings("unchecked")
    static <T> T lookup(Context c, Key<T> key) {
        while (true) {
            switch (c) {
                case ValueContext v -> {
                    if (v.key == key) return (T) v.value;
                    c = v.parent;
                }
                case CancelNode n -> {
                    if (key == CancelNode.KEY) return (T) n;
                    c = n.parent();
                }
                case WithoutCancelContext w -> {
                    if (key == CancelNode.KEY) return null;
                    c = w.parent();
                }
                case EmptyContext e -> {
                    return null;
                }
                default -> {
                    return c.value(key);
                }
            }
        }
    }

    @Override
    public String toString() {
        return parent + ".WithValue(" + key + ", " + value + ")";
    }
}
