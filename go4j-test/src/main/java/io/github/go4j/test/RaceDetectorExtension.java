package io.github.go4j.test;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which the go4j race detector reported a data race, with the reports in the
 * failure message (use it through {@link RaceFree} or {@code @ExtendWith(RaceDetectorExtension.class)}).
 *
 * <p>A race is attributed to the test that was running when its second access happened; with tests
 * run in parallel, a race of one may be charged to another that ran at the same time. Each pair of
 * code locations is reported once per JVM (as the detector does), so a race a previous test already
 * reported does not fail a later one.
 *
 * <p>Without the agent in the JVM the test fails before it runs, saying how to load the agent: a
 * misconfigured build must not look race-free. Setting {@code go4j.race.required=false} (a system
 * property, e.g. {@code -Dgo4j.race.required=false}, or a JUnit configuration parameter) runs such
 * tests without the race check instead, with one warning on standard error per JVM.
 */
public final class RaceDetectorExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RaceDetectorExtension.class);
    /** Whether a test may run without the agent: {@code true} (the default) or {@code false}. */
    static final String REQUIRED = "go4j.race.required";

    private static final String HOW_TO_LOAD = "Load the agent into the test JVM:"
            + " -javaagent:/path/to/go4j-race-<version>-agent.jar=exitcode=0"
            + " (with Maven, in maven-surefire-plugin's <argLine>; see go4j's docs/install.md).";

    private final Optional<RaceWatch.Detector> detector;
    private final WarnOnce withoutAgent;

    /** The extension as {@link RaceFree} registers it, watching the race detector of this JVM, if any. */
    public RaceDetectorExtension() {
        this(RaceWatch.Detector.agent(), WarnOnce.ON_STDERR);
    }

    RaceDetectorExtension(Optional<RaceWatch.Detector> detector, WarnOnce withoutAgent) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.withoutAgent = Objects.requireNonNull(withoutAgent, "withoutAgent");
    }

    /**
     * Starts collecting the race reports made during the test.
     *
     * @param context the test's context
     * @throws ExtensionConfigurationException if the race detector is not loaded and
     *     {@code go4j.race.required} is not {@code false}, or if that setting is neither {@code true}
     *     nor {@code false}
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        boolean required = agentRequired(context);
        if (detector.isEmpty()) {
            if (required) {
                throw new ExtensionConfigurationException("go4j-test: @RaceFree needs the race detector, but the race detector"
                        + " is not loaded in this JVM, so no race could be seen and the test would pass unchecked. "
                        + HOW_TO_LOAD + " To run these tests without the race check on purpose, set"
                        + " -Dgo4j.race.required=false.");
            }
            withoutAgent.warn("""
                    go4j-test: WARNING: the race detector is not loaded: @RaceFree tests run WITHOUT the race check \
                    (go4j.race.required=false).
                    go4j-test: %s""".formatted(HOW_TO_LOAD));
            return;
        }
        context.getStore(NS).put(RaceWatch.class, RaceWatch.start(detector.get()));
    }

    /**
     * Fails the test if a race was reported while it ran.
     *
     * @param context the test's context
     * @throws AssertionError with every report's text, if a race was reported during the test
     */
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

    private static boolean agentRequired(ExtensionContext context) {
        Optional<String> setting = context.getConfigurationParameter(REQUIRED);
        if (setting.isEmpty()) return true;
        return switch (setting.get().strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ExtensionConfigurationException(
                    "go4j-test: " + REQUIRED + " must be true or false, not \"" + setting.get() + "\"");
        };
    }
}
