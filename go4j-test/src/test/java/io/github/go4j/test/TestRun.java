package io.github.go4j.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one test class through the JUnit Platform launcher, in this JVM, and keeps each test's result. */
final class TestRun {
    private static final String MARK = "go4j.test.run-by-TestRun";

    private TestRun() {}

    /**
     * Put on a test class that only {@link #of} may run ({@code @ExtendWith(TestRun.Only.class)}): run by
     * surefire or an IDE (say with {@code -Dtest=Some*}) it is skipped instead of failing on purpose.
     */
    static final class Only implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(MARK).isPresent()
                    ? ConditionEvaluationResult.enabled("run by TestRun")
                    : ConditionEvaluationResult.disabled("a fixture of another test, run only through TestRun");
        }
    }

    /**
     * The result of every test method of {@code testClass}, by method name, run with the given
     * configuration parameters (which JUnit looks up before the system properties).
     */
    static Map<String, TestExecutionResult> of(Class<?> testClass, Map<String, String> configuration) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameters(configuration)
                .configurationParameter(MARK, "true")
                .build();
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) results.put(test.getDisplayName().replace("()", ""), result);
            }
        });
        return results;
    }
}
