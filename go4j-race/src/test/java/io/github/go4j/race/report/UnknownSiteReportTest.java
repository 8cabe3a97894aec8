package io.github.go4j.race.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void anUnknownPartnerAddsNoSecondReportOfALocationAlreadyReported() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RaceReporter reporter = new RaceReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 66);
        int inc = CodeSites.register("com.acme.Twice", "inc", "Twice.java", 7, "com.acme.Twice.hits");
        reporter.race(Threads.current(), inc, true, Epochs.make(5, 3), inc, false, null, 0);  // x++ vs x++
        reporter.race(Threads.current(), inc, false, Epochs.make(6, 4), -1, true, null, 0);    // the same, torn
        assertEquals(1, reporter.count(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLocationReportedAgainstAnUnknownPartnerIsNotReportedAgainAgainstItself() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RaceReporter reporter = new RaceReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 66);
        int inc = CodeSites.register("com.acme.Again", "inc", "Again.java", 7, "com.acme.Again.hits");
        int other = CodeSites.register("com.acme.Again", "reset", "Again.java", 12, "com.acme.Again.hits");
        reporter.race(Threads.current(), inc, true, Epochs.make(5, 3), -1, false, null, 0);   // torn first
        reporter.race(Threads.current(), inc, false, Epochs.make(6, 4), inc, true, null, 0);  // then x++ vs x++
        assertEquals(1, reporter.count(), bytes.toString(StandardCharsets.UTF_8));
        reporter.race(Threads.current(), other, true, Epochs.make(6, 5), inc, true, null, 0); // another pair: reported
        assertEquals(2, reporter.count(), bytes.toString(StandardCharsets.UTF_8));
    }
}
