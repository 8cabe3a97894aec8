package io.github.go4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;

/**
 * {@link RaceFree} in a JVM without the race agent, as go4j-test's own tests run: a misconfigured build
 * must not look race-free.
 */
@Timeout(30)
class RaceFreeWithoutAgentTest {
    /** A user's test class; run only through {@link TestRun}. */
    @RaceFree
    @ExtendWith(TestRun.Only.class)
    static class UsersTests {
        @Test
        void passesOnItsOwn() {
            assertEquals(4, 2 + 2);
        }
    }

    /** Two tests under an extension that finds no agent and warns into {@link #warnings}. */
    @ExtendWith(TestRun.Only.class)
    static class TwoTests {
        static final List<String> warnings = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static RaceDetectorExtension race;

        @Test
        void first() {}

        @Test
        void second() {}
    }

    @Test
    void failsTheTestAndSaysHowToLoadTheAgent() {
        TestExecutionResult result = TestRun.of(UsersTests.class, Map.of()).get("passesOnItsOwn");

        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), "without the agent @RaceFree must fail the test");
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("race detector is not loaded"), message);
        assertTrue(message.contains("-javaagent:"), "says how to load the agent: " + message);
        assertTrue(message.contains("-Dgo4j.race.required=false"), "names the opt-out: " + message);
    }

    @Test
    void runsTheTestWhenTheAgentIsOptional() {
        TestExecutionResult result = TestRun.of(UsersTests.class, Map.of("go4j.race.required", "false")).get("passesOnItsOwn");

        assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(), () -> String.valueOf(result.getThrowable()));
    }

    @Test
    void aValueOtherThanTrueOrFalseIsRejected() {
        TestExecutionResult result = TestRun.of(UsersTests.class, Map.of("go4j.race.required", "no")).get("passesOnItsOwn");

        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("go4j.race.required") && message.contains("\"no\""), message);
    }

    @Test
    void whenOptionalWarnsOnceForAllTests() {
        TwoTests.warnings.clear();
        TwoTests.race = new RaceDetectorExtension(Optional.empty(), new WarnOnce(TwoTests.warnings::add));

        Map<String, TestExecutionResult> results = TestRun.of(TwoTests.class, Map.of("go4j.race.required", "false"));

        assertEquals(Set.of("first", "second"), results.keySet());
        results.values().forEach(r -> assertEquals(TestExecutionResult.Status.SUCCESSFUL, r.getStatus()));
        assertEquals(1, TwoTests.warnings.size(), () -> "one warning for both tests: " + TwoTests.warnings);
        String warning = TwoTests.warnings.getFirst();
        assertTrue(warning.contains("WITHOUT the race check") && warning.contains("-javaagent:"), warning);
    }

    @Test
    void whenRequiredEveryTestFailsAndNothingIsWarned() {
        TwoTests.warnings.clear();
        TwoTests.race = new RaceDetectorExtension(Optional.empty(), new WarnOnce(TwoTests.warnings::add));

        Map<String, TestExecutionResult> results = TestRun.of(TwoTests.class, Map.of());

        assertEquals(2, results.size());
        results.values().forEach(r -> assertEquals(TestExecutionResult.Status.FAILED, r.getStatus()));
        assertEquals(List.of(), TwoTests.warnings);
    }
}
