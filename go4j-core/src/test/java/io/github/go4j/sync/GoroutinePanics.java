package io.github.go4j.sync;

import io.github.go4j.Go;
import io.github.go4j.PanicHandler;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test if one of its goroutines panicked: an assertion that fails inside {@code Go.go} would otherwise
 * only be printed, and the test could pass.
 */
public final class GoroutinePanics implements BeforeEachCallback, AfterEachCallback {
    private final AtomicReference<Throwable> first = new AtomicReference<>();
    private PanicHandler previous;

    @Override
    public void beforeEach(ExtensionContext context) {
        first.set(null);
        previous = Go.setPanicHandler((thread, goid, panic) -> {
            first.compareAndSet(null, panic);
            Go.defaultPanicHandler().panicked(thread, goid, panic);
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Go.setPanicHandler(previous);
        Throwable panic = first.getAndSet(null);
        if (panic != null) throw new AssertionError("a goroutine of this test panicked", panic);
    }
}
