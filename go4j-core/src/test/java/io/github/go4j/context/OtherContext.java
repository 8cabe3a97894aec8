package io.github.go4j.context;

import io.github.go4j.chan.RecvChan;
import java.time.Instant;
import java.util.Optional;

/**
 * Go's test type {@code otherContext}: a Context that is not one of go4j's own types but delegates everything
 * to one, so that the code paths for foreign parents are exercised (context/x_test.go).
 */
class OtherContext implements Context {
    final Context inner;

    OtherContext(Context inner) {
        this.inner = inner;
    }

    @Override public RecvChan<Void> done() { return inner.done(); }
    @Override public RuntimeException err() { return inner.err(); }
    @Override public Optional<Instant> deadline() { return inner.deadline(); }
    @Override public <T> T value(Key<T> key) { return inner.value(key); }
    @Override public String toString() { return inner.toString(); }
}
