package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.go4j.examples.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code go4j demo race}: the racy counter and its two fixes, each in a child JVM under the agent. */
class RaceDemoTest {

    private static Console demo(Example step) {
        return Console.run(() -> new CommandLine(new DemoCommand(() -> List.of(step))), "race");
    }

    @Test
    void theTourEndsWithTheRaceDetectorsStep() {
        List<Example> tour = DemoCommand.tour();
        assertInstanceOf(RaceDemo.class, tour.getLast());
        assertEquals("race", tour.getLast().name());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void withoutTheAgentJarTheStepFailsSayingHowToBuildIt(@TempDir Path checkout) {
        Console c = demo(new RaceDemo(() -> Optional.of(checkout)));
        assertEquals(1, c.exitCode(), c.out() + c.err());
        assertTrue(c.err().contains("race failed: java.lang.IllegalStateException: the race detector's agent is not built"), c.err());
        assertTrue(c.err().contains("mvn -pl go4j-race -am package"), c.err());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theRacyCounterIsReportedAndExits66AndTheFixesAreSilent() {
        Optional<Path> home = ProjectHome.find();
        assumeTrue(home.isPresent() && Files.isRegularFile(home.get().resolve(RunCommand.AGENT)),
                "the agent jar is built by ./go4j (or mvn package); this test needs it");
        Console c = demo(new RaceDemo(() -> home));
        assertEquals(0, c.exitCode(), "the racy child's 66 is what the step expects: " + c.out() + c.err());
        String out = c.out();
        // at least one: the detector now and then reports the same field's race a second time (a go4j-race matter)
        assertTrue(out.contains("WARNING: DATA RACE"), out);
        assertTrue(out.contains("io.github.go4j.examples.RacyCounter.counter"), out);
        assertTrue(out.matches("(?s).*Found \\d+ data race\\(s\\).*"), out);
        int racy = out.indexOf("$ go4j run --race io.github.go4j.examples.RacyCounter");
        int mutex = out.indexOf("$ go4j run --race io.github.go4j.examples.MutexCounter");
        int atomic = out.indexOf("$ go4j run --race io.github.go4j.examples.AtomicCounter");
        assertTrue(racy >= 0 && racy < mutex && mutex < atomic, out);
        assertTrue(out.substring(racy, mutex).contains("exit status 66"), out);
        assertTrue(out.substring(mutex, atomic).contains("counter = 10000") && out.substring(mutex, atomic).contains("exit status 0"), out);
        assertTrue(out.substring(atomic).contains("counter = 10000") && out.substring(atomic).contains("exit status 0"), out);
    }
}
