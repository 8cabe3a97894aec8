package io.github.go4j.context.internal;

import io.github.go4j.chan.RecvChan;
import io.github.go4j.context.Context;
import java.time.Instant;
import java.util.Optional;

/** {@code context.WithoutCancel}: the parent's values, but never cancelled and no deadline. */
public final class WithoutCancelContext implements Context {
    private final Context parent;

    public WithoutCancelContext(Context parent) {
        this.parent = parent;
    }

    Context parent() {
        return parent;
    }

    @Override public RecvChan<Void> done() { return null; }
    @Override public RuntimeException err() { return null; }
    @Override public Optional<Instant> deadline() { return Optional.empty(); }
    @Override public <T> T value(Key<T> key) { return ValueContext.lookup(this, key); }
    @Override public String toString() { return parent + ".WithoutCancel"; }
}
