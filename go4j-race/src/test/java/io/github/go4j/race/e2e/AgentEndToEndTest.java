package io.github.go4j.race.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent on small programs in child JVMs: reports, their format, options and exit statuses. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgentEndToEndTest {

    @Test
    void racyCounterIsReportedOnceInGoFormatAndExits66() throws Exception {
        AgentRun r = AgentRun.run(null, "racefixtures.RacyCounter");
        assertEquals(66, r.exitCode(), r.output());
        assertEquals(1, r.races(), r.output());
        String out = r.output();
        assertTrue(out.contains("==================\nWARNING: DATA RACE\n"), out);
        assertTrue(out.matches("(?s).*(Read|Write) at racefixtures\\.RacyCounter\\.count by goroutine \\d+ \\(thread \"worker-[ab]\"\\):\n"
                + "  racefixtures\\.RacyCounter\\.work\\(RacyCounter\\.java:18\\).*"), out);
        assertTrue(out.matches("(?s).*Previous (read|write) at racefixtures\\.RacyCounter\\.count by goroutine \\d+.*"), out);
        assertTrue(out.matches("(?s).*Goroutine \\d+ \\((running|finished)\\) created at:\n  racefixtures\\.RacyCounter\\.main\\(RacyCounter\\.java:1[01]\\).*"), out);
        assertTrue(out.contains("Found 1 data race(s)"), out);
    }

    @Test
    void synchronisedProgramsAreSilent() throws Exception {
        AgentRun r = AgentRun.run(null, "racefixtures.NoRace");
        assertEquals(0, r.races(), r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ran 31"), r.output());
        AgentRun locked = AgentRun.run(null, "racefixtures.LockedCounter");
        assertEquals(0, locked.exitCode(), locked.output());
        assertTrue(locked.output().contains("2000 2000"), locked.output());
    }

    @Test
    void everyClassicMistakeIsReported() throws Exception {
        AgentRun r = AgentRun.run(null, "racefixtures.Race");
        assertEquals(66, r.exitCode(), r.output());
        // each scenario by either side of its race (which side reports depends on timing)
        for (String scenario : List.of("counterWork", "sleepAsSync|sleepWriter", "twoMonitorsWork",
                "volatileBeforeData|volatileFirstWriter", "dclGet", "publishWriter|publication", "elementWork",
                "checkThenAct", "busyWait|spinWriter", "atomicReadsOnly|atomicReadsWriter", "parkUnpark|parkWriter",
                "executorTask|executorNoGet")) {
            boolean found = false;
            for (String method : scenario.split("\\|")) {
                found |= r.output().contains("racefixtures.Race." + method + "(") || r.output().contains("$" + method + "$");
            }
            assertTrue(found, scenario + " not reported:\n" + r.output());
        }
    }

    @Test
    void arrayAccessesInMethodsWithEveryKindOfFrameVerifyAndRace() throws Exception {
        java.util.List<String> command = java.util.List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), "racefixtures.ArrayFrames");
        Process plain = new ProcessBuilder(command).redirectErrorStream(true).start();
        String plainOut = new String(plain.getInputStream().readAllBytes());
        assertTrue(plain.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String expected = plainOut.strip();
        assertTrue(expected.startsWith("derived "), "without the agent: " + plainOut);
        AgentRun clean = AgentRun.run(null, "racefixtures.ArrayFrames");
        assertEquals(0, clean.exitCode(), clean.output());
        assertTrue(clean.output().contains(expected), "the agent must not change what the program computes: " + clean.output());
        AgentRun racy = AgentRun.run(null, "racefixtures.ArrayFrames", "race");
        assertEquals(66, racy.exitCode(), racy.output());
        assertTrue(racy.output().contains("racefixtures.ArrayFrames.mixed(ArrayFrames.java:"), racy.output());
    }

    @Test
    void goChannelsCreateEdgesThroughTheSpi() throws Exception {
        AgentRun clean = AgentRun.run(null, "racefixtures.GoChannels", "norace");
        assertEquals(0, clean.exitCode(), clean.output());
        assertEquals(0, clean.races(), clean.output());
        AgentRun racy = AgentRun.run(null, "racefixtures.GoChannels", "race");
        assertEquals(66, racy.exitCode(), racy.output());
        assertTrue(racy.output().contains("racefixtures.GoChannels.afterSend"), racy.output());
        assertTrue(racy.output().contains("(virtual thread"), racy.output());
        // Go's own frames (Go.go, the event SPI, a goroutine's entry) are not in the report; the program's are first
        assertTrue(racy.output().contains("created at:\n  racefixtures.GoChannels.main(GoChannels.java:"), racy.output());
        assertTrue(!racy.output().contains("  io.github.go4j."), racy.output());
    }

    @Test
    void go4jCoreIsNotRewrittenButTheProgramThatUsesItIs() throws Exception {
        AgentRun r = AgentRun.run("verbose=1", "racefixtures.GoChannels", "norace");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("go4j-race: instrumented racefixtures.GoChannels\n"), r.output());
        assertTrue(!r.output().contains("go4j-race: instrumented io.github.go4j."), r.output());
    }

    @Test
    void theProgramsOwnExitStatusIsKept() throws Exception {
        assertEquals(66, AgentRun.run(null, "racefixtures.ExitStatuses", "return").exitCode());
        assertEquals(3, AgentRun.run(null, "racefixtures.ExitStatuses", "exit3").exitCode());
        AgentRun thrown = AgentRun.run(null, "racefixtures.ExitStatuses", "throw");
        assertEquals(1, thrown.exitCode(), thrown.output());
        assertTrue(thrown.output().contains("Exception in thread \"main\" java.lang.IllegalStateException: boom"), thrown.output());
        assertEquals(0, AgentRun.run(null, "racefixtures.ExitStatuses", "clean").exitCode());
    }

    @Test
    void optionsChangeExitCodeHaltAndLogPath(@TempDir Path dir) throws Exception {
        assertEquals(7, AgentRun.run("exitcode=7", "racefixtures.ExitStatuses").exitCode());
        AgentRun halted = AgentRun.run("halt_on_error=1", "racefixtures.Race");
        assertEquals(66, halted.exitCode(), halted.output());
        assertEquals(1, halted.races(), halted.output());
        assertTrue(!halted.output().contains("ran 12"), halted.output());
        AgentRun logged = AgentRun.run("log_path=" + dir.resolve("report"), "racefixtures.RacyCounter");
        assertEquals(66, logged.exitCode());
        assertEquals(0, logged.races(), logged.output());
        try (Stream<Path> files = Files.list(dir)) {
            Path report = files.filter(p -> p.getFileName().toString().startsWith("report.")).findFirst().orElseThrow();
            assertTrue(Files.readString(report).contains("WARNING: DATA RACE"));
        }
    }

    @Test
    void theInProcessApiSeesEachReport() throws Exception {
        AgentRun r = AgentRun.run(null, "racefixtures.ApiProbe");
        assertTrue(r.output().contains("active=true reported=1 listener=1 true"), r.output());
        assertEquals(66, r.exitCode());
    }

    @Test
    void excludedPackagesAreNotChecked() throws Exception {
        AgentRun r = AgentRun.run("exclude=racefixtures", "racefixtures.RacyCounter");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(0, r.races(), r.output());
    }

    @Test
    void aBadOptionStopsBeforeTheProgramStarts() throws Exception {
        AgentRun r = AgentRun.run("exitcode=lots", "racefixtures.RacyCounter");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("go4j-race: exitcode=lots: want an integer in [0, 255]"), r.output());
        assertTrue(!r.output().contains("done"), r.output());
        AgentRun unknown = AgentRun.run("colour=blue", "racefixtures.RacyCounter");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown option 'colour'"), unknown.output());
    }

    @Test
    void virtualThreadsContendingOnMonitorsUnderCollectionsRunCleanly(@TempDir Path dir) throws Exception {
        // a young generation of 8 MB: hundreds of collections while threads wait, unmounted, to enter a monitor
        AgentRun r = AgentRun.runWithJvm(List.of("-Xmn8m", "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log")), null,
                "racefixtures.ContendedMonitors", "1000", "3");
        assertEquals(0, r.races(), r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("balance 120000 updates 60000"), r.output());
    }

    @Test
    void manyVirtualThreadsReuseSlots() throws Exception {
        AgentRun r = AgentRun.run(null, "racefixtures.MillionThreads", "20000");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("sum " + 1000L * 20 * 21 / 2), r.output()); // sum of (round + 1) over 20 rounds of 1000
    }
}
