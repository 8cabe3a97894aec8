package io.github.go4j.racesuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end, in child JVMs: without the agent, and with {@link FakeAgent} keeping the exit-status contract. */
class GroundTruthRunnerTest {

    @TempDir
    static Path dir;
    static Path fakeAgent;

    @BeforeAll
    static void buildFakeAgentJar() throws IOException {
        fakeAgent = FakeAgent.jar(dir);
    }

    private record Report(int exitStatus, String text) {}

    private static Report run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = GroundTruth.run(GroundTruth.Options.parse(args), out);
        }
        return new Report(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(60)
    void withoutAgentEveryProgramMustExitZero() throws Exception {
        Report r = run("--no-agent", "CounterIncrement", "SynchronizedBlock");
        assertEquals(0, r.exitStatus(), r.text());
        assertTrue(r.text().contains("groundtruth: 2 passed, 0 failed"), r.text());
    }

    @Test
    @Timeout(60)
    void aDetectorThatReportsExactlyTheRacesScoresFull() throws Exception {
        Report r = run("--agent", fakeAgent.toString(), "--agent-options", "race", "CounterIncrement", "SynchronizedBlock");
        assertEquals(0, r.exitStatus(), r.text());
        assertTrue(r.text().contains("precision 100.0% (1/1), recall 100.0% (1/1)"), r.text());
        assertTrue(r.text().contains("groundtruth: 2 passed, 0 failed"), r.text());
    }

    @Test
    @Timeout(60)
    void aFalseReportFailsTheRun() throws Exception {
        Report r = run("--agent", fakeAgent.toString(), "--agent-options", "all", "CounterIncrement", "SynchronizedBlock");
        assertEquals(1, r.exitStatus(), r.text());
        assertTrue(r.text().contains("precision 50.0% (1/2)"), r.text());
        assertTrue(r.text().contains("groundtruth: 1 passed, 1 failed"), r.text());
    }

    @Test
    @Timeout(60)
    void aMissedRaceFailsTheRun() throws Exception {
        Report r = run("--agent", fakeAgent.toString(), "--agent-options", "none", "CounterIncrement");
        assertEquals(1, r.exitStatus(), r.text());
        assertTrue(r.text().contains("recall 0.0% (0/1)"), r.text());
    }

    @Test
    @Timeout(10)
    void aMissingAgentIsAUsageError() throws Exception {
        Report r = run("--agent", dir.resolve("absent.jar").toString());
        assertEquals(2, r.exitStatus(), r.text());
        assertTrue(r.text().contains("agent not found"), r.text());
    }
}
