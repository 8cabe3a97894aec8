package io.github.go4j.context.internal;

import io.github.go4j.chan.RecvChan;
import io.github.go4j.context.Context;
import java.util.Optional;

/** {@code context.Background()} and {@code context.TODO()}: never cancelled, no deadline, no values. */
public final class EmptyContext implements Context {
    public static final EmptyContext BACKGROUND = new EmptyContext("context.Background");
    public static final EmptyContext TODO = new EmptyContext("context.TODO");

    private final String name;

    private EmptyContext(String name) {
        this.name = name;
    }

    @Override public RecvChan<Void> done() { return null; }
    @Override public RuntimeException err() { return null; }
    @Override public Optional<java.time.Instant> deadline() { return Optional.empty(); }
    @Override public <T> T value(Key<T> key) { return null; }
    @Override public String toString() { return name; }
}
