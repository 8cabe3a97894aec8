package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Channels under a listener that blocks or yields inside its callbacks, with one carrier thread for all
 * virtual threads: each {@link OneCarrierScenarios} program runs in its own child JVM, so a hang (a
 * goroutine spinning on the only carrier) fails the test instead of freezing the build.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class OneCarrierTest {

    @Test
    void anOwnerThatFindsItsWaitClaimedDoesNotHoldTheOnlyCarrier() throws Exception {
        String out = runOnOneCarrier("claimWindow");
        assertTrue(out.contains("claimWindow: received 42, interrupt kept true"), out);
    }

    @Test
    void manyGoroutinesOnFewChannelsUnderADetectorLikeListenerFinishAndOrderEveryMessage() throws Exception {
        String out = runOnOneCarrier("stress");
        assertTrue(out.contains("unordered 0"), out);
    }

    /** Runs a scenario in a child JVM with one carrier; its output, after checking it exited 0 in time. */
    private static String runOnOneCarrier(String scenario) throws Exception {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        assertTrue(Files.isDirectory(classes) && Files.isDirectory(testClasses), "run from go4j-core: " + classes);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1",
                "-cp", classes + File.pathSeparator + testClasses,
                OneCarrierScenarios.class.getName(), scenario);
        Path log = Files.createTempFile("go4j-one-carrier", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended, scenario + " hung on one carrier (killed after 120 s):\n" + out);
            assertEquals(0, p.exitValue(), scenario + " failed:\n" + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
