package io.github.go4j.race.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.race.internal.engine.CodeSites;
import io.github.go4j.race.internal.engine.FastTrack;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.engine.VarState;
import io.github.go4j.race.internal.report.RaceReporter;
import io.github.go4j.race.internal.spi.GoEventBridge;
import io.github.go4j.spi.internal.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A report's stacks as the engine writes them under a real test runner (this test runs under JUnit and,
 * from Maven, surefire): the program's frames first, go4j's (Go.go, the event SPI, the agent's hooks)
 * dropped, and the runner's frames below the test method cut, with their number.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReportStackTest {
    private static final Pattern CUT = Pattern.compile("\n  \\.\\.\\. (\\d+) frames of ([a-z./]+)\n");

    @AfterEach
    void silence() {
        FastTrack.observe((t, site, write, prevStamp, prevSite, prevWrite, array, index) -> { });
    }

    /** Starts {@code body} with {@code Go.go}, as an instrumented call at {@code site} would. */
    private static Thread goAt(int site, Go.Task body) {
        Threads.current().pendingCreateSite = site;
        try {
            return Go.go(body);
        } finally {
            Threads.current().pendingCreateSite = -1;
        }
    }

    @Test
    void goroutinesCreatedInATestShowTheTestFirstAndCutTheRunner() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FastTrack.observe(new RaceReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 66));
        VarState shared = new VarState();
        int create = CodeSites.register(ReportStackTest.class.getName(), "goAt", "ReportStackTest.java", 44, null);
        int first = CodeSites.register("com.acme.Shared", "first", "Shared.java", 10, "com.acme.Shared.value");
        int second = CodeSites.register("com.acme.Shared", "second", "Shared.java", 20, "com.acme.Shared.value");
        long runnerFrames = StackWalker.getInstance().walk(s -> s
                .dropWhile(f -> !f.getMethodName().equals("goroutinesCreatedInATestShowTheTestFirstAndCutTheRunner"))
                .skip(1).count());
        try (AutoCloseable bridge = Events.register(new GoEventBridge())) {
            // no join edge between them: the second goroutine's write races with the first's
            goAt(create, () -> FastTrack.write(shared, Threads.current(), first, null, -1)).join();
            goAt(create, () -> FastTrack.write(shared, Threads.current(), second, null, -1)).join();
        }
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(report.contains("WARNING: DATA RACE"), report);
        for (String go4j : List.of("io.github.go4j.Go.", "io.github.go4j.spi.", "io.github.go4j.race.internal.")) {
            assertFalse(report.contains("  " + go4j), go4j + " frames must be dropped:\n" + report);
        }
        String test = "io.github.go4j.race.report.ReportStackTest.";
        assertTrue(report.contains("Write at com.acme.Shared.value by goroutine ")
                && report.contains("(virtual thread):\n  " + test + "lambda$"), "the access's own frame first:\n" + report);
        Matcher created = Pattern.compile("Goroutine \\d+ \\(finished\\) created at:\n  " + Pattern.quote(test) + "goAt\\(ReportStackTest\\.java:\\d+\\)\n  "
                + Pattern.quote(test) + "goroutinesCreatedInATestShowTheTestFirstAndCutTheRunner\\(ReportStackTest\\.java:\\d+\\)"
                + "\n  \\.\\.\\. (\\d+) frames of ([a-z./]+)\n").matcher(report);
        assertTrue(created.find(), "created at: the helper, the test method, then the runner's frames cut:\n" + report);
        assertEquals(runnerFrames, Long.parseLong(created.group(1)), report);
        boolean surefire = StackWalker.getInstance().walk(s -> s.anyMatch(f -> f.getClassName().startsWith("org.apache.maven.surefire.")));
        assertTrue(created.group(2).startsWith("org.junit"), report);
        if (surefire) assertEquals("org.junit/surefire", created.group(2), report);
        Matcher cuts = CUT.matcher(report);
        int n = 0;
        while (cuts.find()) n++;
        assertEquals(2, n, "each goroutine's creation stack is cut once, the access stacks have no runner frames:\n" + report);
    }
}
