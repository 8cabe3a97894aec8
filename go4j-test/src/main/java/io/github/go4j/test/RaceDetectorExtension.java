package io.github.go4j.test;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which the go4j race detector reported a data race, with the reports in the
 * failure message (use it through {@link RaceFree} or {@code @ExtendWith(RaceDetectorExtension.class)}).
 *
 * <p>A race is attributed to the test that was running when its second access happened; with tests
 * run in parallel, a race of one may be charged to another that ran at the same time. Each pair of
 * code locations is reported once per JVM (as the detector does), so a race a previous test already
 * reported does not fail a later one. Without the agent the extension does nothing.
 */
public final class RaceDetectorExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RaceDetectorExtension.class);

    private final RaceWatch.Detector detector;

    public RaceDetectorExtension() {
        this(RaceWatch.Detector.agent());
    }

    RaceDetectorExtension(RaceWatch.Detector detector) {
        this.detector = detector;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put(RaceWatch.class, RaceWatch.start(detector));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RaceWatch watch = context.getStore(NS).remove(RaceWatch.class, RaceWatch.class);
        if (watch == null) return;
        List<String> reports = watch.stop();
        if (!reports.isEmpty()) {
            throw new AssertionError(reports.size() + " data race(s) reported during " + context.getDisplayName() + ":\n"
                    + String.join("", reports));
        }
    }
}
