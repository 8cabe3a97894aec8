package io.github.go4j.race.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.race.internal.engine.CodeSites;
import io.github.go4j.race.internal.engine.Epochs;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.report.RaceReporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A race whose earlier access's code site the engine no longer knows (another access to the variable
 * overwrote it at the same moment) is still reported, naming the variable and saying the site is unknown.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnknownSiteReportTest {
    @Test
    void aPreviousAccessWithAnUnknownSiteNamesTheVariableAndSaysSo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RaceReporter reporter = new RaceReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 66);
        int site = CodeSites.register("com.acme.Counter", "inc", "Counter.java", 7, "com.acme.Counter.hits");
        reporter.race(Threads.current(), site, true, Epochs.make(5, 3), -1, false, null, 0);
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("Write at com.acme.Counter.hits by goroutine "), report);
        assertTrue(report.contains("Previous read at com.acme.Counter.hits by "), "the same variable:\n" + report);
        assertTrue(report.contains("\n  (code location unknown: another access to the variable overwrote it at the same moment)\n"),
                report);
    }
}
