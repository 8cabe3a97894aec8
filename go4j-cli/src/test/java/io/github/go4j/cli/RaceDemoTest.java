package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.go4j.examples.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code go4j demo race}: the racy counter and its two fixes, each in a child JVM under the agent. */
class RaceDemoTest {

    static Console demo(Example step) {
        return Console.run(() -> new CommandLine(new DemoCommand(() -> List.of(step))), "race");
    }

    /** The agent jar of this checkout; the test is skipped when it is not built. */
    static Path agent() {
        try {
            return AgentJar.find();
        } catch (IllegalStateException e) {
            assumeTrue(false, "the agent jar is built by ./go4j (or mvn package); this test needs it: " + e.getMessage());
            throw e;
        }
    }

    /** The commands the step printed for the user to copy, as the words a shell would make of them. */
    static List<List<String>> printedCommands(String out) {
        return out.lines().filter(l -> l.startsWith("$ ")).map(l -> shellWords(l.substring(2, l.indexOf("    # ")))).toList();
    }

    /** The words of {@code line} as sh reads them, for the quoting the step uses (plain words and '...'). */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (word != null) words.add(word.toString());
                word = null;
            } else if (c == '\'') {
                if (word == null) word = new StringBuilder();
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '\\') {
                if (word == null) word = new StringBuilder();
                word.append(line.charAt(++i));
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (word != null) words.add(word.toString());
        return words;
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
        Console c = demo(new RaceDemo(() -> AgentJar.find(Optional.empty(), Optional.of(checkout)), "go4j"));
        assertEquals(1, c.exitCode(), c.out() + c.err());
        assertTrue(c.err().contains("race failed: java.lang.IllegalStateException: the race detector's agent is not built"), c.err());
        assertTrue(c.err().contains("mvn -pl go4j-race -am package"), c.err());
    }

    @Test
    void printedWordsAreQuotedForTheShell() {
        assertEquals("go4j run --race -cp '/a b/c.jar:/it'\\''s' x.Main ''",
                "go4j run " + RaceDemo.shellWords(List.of("--race", "-cp", "/a b/c.jar:/it's", "x.Main", "")));
        assertEquals(List.of("go4j", "run", "--race", "-cp", "/a b/c.jar:/it's", "x.Main", ""),
                shellWords("go4j run --race -cp '/a b/c.jar:/it'\\''s' x.Main ''"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theRacyCounterIsReportedAndExits66AndTheFixesAreSilent() {
        Path agent = agent();
        Console c = demo(new RaceDemo(() -> agent, "./go4j"));
        assertEquals(0, c.exitCode(), "the racy child's 66 is what the step expects: " + c.out() + c.err());
        String out = c.out();
        // at least one: the detector now and then reports the same field's race a second time (a go4j-race matter)
        assertTrue(out.contains("WARNING: DATA RACE"), out);
        assertTrue(out.contains("io.github.go4j.examples.RacyCounter.counter"), out);
        assertTrue(out.matches("(?s).*Found \\d+ data race\\(s\\).*"), out);
        int racy = out.indexOf("io.github.go4j.examples.RacyCounter    # ");
        int mutex = out.indexOf("io.github.go4j.examples.MutexCounter    # ");
        int atomic = out.indexOf("io.github.go4j.examples.AtomicCounter    # ");
        assertTrue(racy >= 0 && racy < mutex && mutex < atomic, out);
        assertTrue(out.substring(racy, mutex).contains("exit status 66"), out);
        assertTrue(out.substring(mutex, atomic).contains("counter = 10000") && out.substring(mutex, atomic).contains("exit status 0"), out);
        assertTrue(out.substring(atomic).contains("counter = 10000") && out.substring(atomic).contains("exit status 0"), out);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theCommandsItPrintsRunWhenTypedAndExitAsItSays() {
        Path agent = agent();
        Console c = demo(new RaceDemo(() -> agent, "go4j"));
        List<List<String>> commands = printedCommands(c.out());
        assertEquals(3, commands.size(), c.out());
        List<Integer> expected = List.of(66, 0, 0);
        for (int i = 0; i < commands.size(); i++) {
            List<String> words = commands.get(i);
            assertEquals(List.of("go4j", "run", "--race", "-cp"), words.subList(0, 4), words.toString());
            // as typed, in the JVM of the test: go4j run runs it as a child and exits with its status
            Console typed = Console.go4j(words.subList(1, words.size()).toArray(String[]::new));
            assertEquals(expected.get(i), typed.exitCode(), words + ": " + typed.err());
        }
    }
}
