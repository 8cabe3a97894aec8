package io.github.go4j.test;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A warning given the first time only; safe to call from any thread. */
final class WarnOnce {
    /** The one the extension shares in a JVM: printed on standard error (as it is when first given). */
    static final WarnOnce ON_STDERR = new WarnOnce(text -> {
        System.err.println(text);
        System.err.flush();
    });

    private final AtomicBoolean given = new AtomicBoolean();
    private final Consumer<String> out;

    WarnOnce(Consumer<String> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Gives {@code text} if no warning was given before; else does nothing. */
    void warn(String text) {
        if (given.compareAndSet(false, true)) out.accept(text);
    }
}
