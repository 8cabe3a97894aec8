package io.github.go4j.racesuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The ground-truth programs themselves, without the detector: each runs in-process, must return from
 * {@code main} within its time limit, and no thread of it may die of an exception (a failed self-check
 * in a NORACE program throws AssertionError).
 */
class ProgramsWithoutAgentTest {

    @Test
    @Timeout(10)
    void catalogHoldsAtLeastSixtyProgramsOfBothLabels() {
        List<Program> all = ProgramCatalog.all();
        Map<Label, Long> byLabel = all.stream().collect(Collectors.groupingBy(Program::label, Collectors.counting()));
        assertTrue(all.size() >= 60, "programs: " + all.size());
        assertTrue(byLabel.getOrDefault(Label.RACE, 0L) >= 25, "RACE programs: " + byLabel);
        assertTrue(byLabel.getOrDefault(Label.NORACE, 0L) >= 25, "NORACE programs: " + byLabel);
        assertEquals(all.size(), all.stream().map(Program::shortName).distinct().count());
    }

    @TestFactory
    Stream<DynamicTest> everyProgramRunsToTheEndOnItsOwn() {
        return ProgramCatalog.all().stream()
                .map(p -> DynamicTest.dynamicTest(p.shortName(), () -> runInProcess(p)));
    }

    private static void runInProcess(Program program) throws Exception {
        Method main = Class.forName(program.className()).getMethod("main", String[].class);
        assertTrue(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()), "public static main");
        Map<Thread, Throwable> uncaught = new ConcurrentHashMap<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(uncaught::put);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    main.invoke(null, (Object) new String[0]);
                } catch (InvocationTargetException e) {
                    fail(program.shortName() + " threw", e.getCause());
                }
            });
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        if (!uncaught.isEmpty()) {
            Map.Entry<Thread, Throwable> first = uncaught.entrySet().iterator().next();
            fail("thread " + first.getKey() + " of " + program.shortName() + " died", first.getValue());
        }
    }
}
