package io.github.go4j.race.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * go4j's channels under the agent with few carriers: many goroutines on a few channels (racefixtures
 * GoChannelStress), the agent's listener taking its monitors inside every channel operation. The program
 * must finish (no goroutine left spinning while the one it waits for cannot run), report no race where
 * Go's rules order every access, and still report the one race of its {@code race} variant.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ChannelStressEndToEndTest {

    private static final int MESSAGES = 32 * 200;

    @ParameterizedTest(name = "carriers={0}")
    @ValueSource(ints = {1, 2})
    void manyGoroutinesOnFewChannelsFinishWithoutAFalseRace(int carriers) throws Exception {
        AgentRun r = run(carriers, "norace");
        assertEquals(0, r.races(), r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ok " + MESSAGES + " " + MESSAGES), r.output());
    }

    @ParameterizedTest(name = "carriers={0}")
    @ValueSource(ints = {1})
    void aWriteAfterTheSendIsStillReported(int carriers) throws Exception {
        AgentRun r = run(carriers, "race");
        assertEquals(66, r.exitCode(), r.output());
        assertTrue(r.races() >= 1, r.output());
        assertTrue(r.output().contains("racefixtures.GoChannelStress.afterSend"), r.output());
    }

    /** As {@link AgentRun#run}, with {@code carriers} carrier threads for the virtual threads. */
    private static AgentRun run(int carriers, String mode) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + AgentRun.AGENT.toAbsolutePath(),
                "-Djdk.virtualThreadScheduler.parallelism=" + carriers,
                "-Djdk.virtualThreadScheduler.maxPoolSize=" + carriers,
                "-cp", AgentRun.childClassPath(), "racefixtures.GoChannelStress", mode);
        Path out = Files.createTempFile("go4j-race-stress", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().remove("GO4J_RACE");
            Process p = pb.start();
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("hung with " + carriers + " carrier(s): " + String.join(" ", cmd) + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new AgentRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
