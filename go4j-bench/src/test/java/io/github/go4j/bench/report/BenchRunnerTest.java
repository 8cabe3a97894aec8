package io.github.go4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class BenchRunnerTest {

    @Test
    void listingWithParametersExpandsToOneTrialPerValue() {
        String listing = """
                Benchmarks:\s
                io.github.go4j.bench.Buffered1P1CBench.go4j
                  param "capacity" = {16, 1024}
                io.github.go4j.bench.PingPongBench.jox
                io.github.go4j.bench.SelectOfTwoBench.go4j
                """;
        assertEquals(List.of("io.github.go4j.bench.Buffered1P1CBench.go4j capacity=16",
                "io.github.go4j.bench.Buffered1P1CBench.go4j capacity=1024",
                "io.github.go4j.bench.PingPongBench.jox",
                "io.github.go4j.bench.SelectOfTwoBench.go4j"), BenchRunner.trialsOf(listing));
    }

    @Test
    void goTwinsAreThoseOfTheSelectedWorkloadsOnly() {
        assertEquals(List.of("PingPong", "Buffered1P1C1024"), BenchRunner.goTwins(List.of(
                "io.github.go4j.bench.PingPongBench.jox",
                "io.github.go4j.bench.Buffered1P1CBench.go4j capacity=1024",
                "io.github.go4j.bench.EventHooksBench.go4j_release")));
    }

    @Test
    void commandLinesQuoteWhatAShellWouldSplit() {
        assertEquals("go test -run '^$' -bench '^Benchmark(A|B)$' -benchtime 1s",
                BenchRunner.shellLine(List.of("go", "test", "-run", "^$", "-bench", "^Benchmark(A|B)$", "-benchtime", "1s")));
        assertEquals("echo 'it'\\''s'", BenchRunner.shellLine(List.of("echo", "it's")));
    }

    @Test
    void missingBenchmarkJarIsAClearMessageAndExitOne(@TempDir Path home) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new BenchRunner(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(new String[] {"--quick", "--home", home.toString()});
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, status);
        assertTrue(out.contains("benchmarks.jar is missing") && out.contains("./go4j"), out);
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path home) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(2, new BenchRunner(out).run(new String[] {"--fast"}));
        assertEquals(2, new BenchRunner(out).run(new String[] {"--filter"}));
        assertEquals(2, new BenchRunner(out).run(new String[] {"--filter", "(", "--home", home.toString()}));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("unknown option --fast"));
    }

    @Test
    void reportOnlyRebuildsTheReportFromSavedResults(@TempDir Path home) throws Exception {
        Path raw = Files.createDirectories(home.resolve("bench/raw"));
        Files.writeString(raw.resolve("jmh.json"), JmhResultsTest.TWO_RUNS);
        Files.writeString(raw.resolve("go.txt"), GoResultsTest.OUTPUT);
        Files.write(raw.resolve("commands.txt"), List.of("java -jar b.jar", "go test", "go1.19.8", "./go4j bench", "false",
                "2026-12-01T10:00:00Z"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new BenchRunner(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(new String[] {"--report-only", "--home", home.toString()});
        assertEquals(0, status, bytes.toString(StandardCharsets.UTF_8));
        String md = Files.readString(home.resolve("bench/report.md"));
        assertTrue(md.contains("| 1P→1C buffered 16 | msg | – | 53.1 | – | 30.0 ABQ | – | – | – |"), md);
        assertTrue(md.contains("Reproduce with `./go4j bench`") && !md.contains("Quick pass"));
        assertTrue(md.contains("| date (UTC) | 2026-12-01T10:00:00Z |"), "the date of the run, not of the rebuild");
        assertTrue(Files.readString(home.resolve("bench/report.svg")).startsWith("<svg"));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("ping-pong, unbuffered"));

        Files.delete(home.resolve("bench/report.md"));
        Path filtered = Files.createDirectories(raw.resolve("filtered"));
        for (String f : List.of("jmh.json", "go.txt", "commands.txt")) Files.copy(raw.resolve(f), filtered.resolve(f));
        assertEquals(0, new BenchRunner(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(new String[] {"--report-only", "--filter", "PingPong", "--home", home.toString()}));
        assertTrue(Files.exists(filtered.resolve("report-filtered.md")) && Files.exists(filtered.resolve("report-filtered.svg")));
        assertTrue(Files.notExists(home.resolve("bench/report.md")), "a filtered run leaves the published report alone");
    }
}
