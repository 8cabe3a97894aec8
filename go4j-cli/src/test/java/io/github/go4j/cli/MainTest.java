package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.examples.Example;
import io.github.go4j.examples.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(10)
class MainTest {

    /** go4j's version lines, as {@code --version} prints them. */
    private static final String VERSION = "(?s)go4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Java " + Runtime.version().feature() + ".*";

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Console c = Console.go4j("--help");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("Usage: go4j"), c.out());
        for (String command : List.of("demo", "run", "test", "bench", "help")) {
            assertTrue(c.out().contains("\n  " + command + " "), command + " missing from: " + c.out());
        }
        assertEquals("", c.err());
    }

    @Test
    void versionNamesGo4jAndJava() {
        for (String option : List.of("--version", "-V")) {
            Console c = Console.go4j(option);
            assertEquals(0, c.exitCode(), c.err());
            assertTrue(c.out().matches(VERSION), option + ": " + c.out());
        }
    }

    @Test
    void everyCommandThatListsTheVersionOptionPrintsTheVersion() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            Console help = Console.go4j(command, "--help");
            assertEquals(0, help.exitCode(), command + ": " + help.err());
            assertTrue(help.out().contains("-V, --version"), command + " does not list -V, --version: " + help.out());
            for (String option : List.of("--version", "-V")) {
                Console c = Console.go4j(command, option);
                assertEquals(0, c.exitCode(), command + " " + option + ": " + c.err());
                assertTrue(c.out().matches(VERSION), command + " " + option + ": '" + c.out() + "'");
            }
        }
    }

    @Test
    void noCommandIsAUsageErrorOfOneLineAndAHint() {
        Console c = Console.go4j();
        assertEquals(2, c.exitCode());
        assertEquals("go4j: missing command (demo, test, run, bench or help)\nRun 'go4j --help' for usage.\n", c.err());
        assertEquals("", c.out());
    }

    @Test
    void unknownCommandIsAUsageErrorThatSaysSoInOneLine() {
        Console c = Console.go4j("frobnicate");
        assertEquals(2, c.exitCode());
        assertEquals("go4j: unknown command 'frobnicate'\nRun 'go4j --help' for usage.\n", c.err());
        assertEquals("", c.out());
    }

    @Test
    void aCommandNearlyRightIsSuggested() {
        Console c = Console.go4j("dmeo");
        assertEquals(2, c.exitCode());
        assertEquals("go4j: unknown command 'dmeo' (did you mean 'demo'?)\nRun 'go4j --help' for usage.\n", c.err());
    }

    @Test
    void helpForAnUnknownCommandSaysWhatAnUnknownCommandSays() {
        for (String name : List.of("frobnicate", "rnu")) {
            Console help = Console.go4j("help", name);
            Console direct = Console.go4j(name);
            assertEquals(2, help.exitCode());
            assertEquals(direct.err(), help.err());
            assertEquals("", help.out());
        }
        assertEquals("go4j: unknown command 'rnu' (did you mean 'run'?)\nRun 'go4j --help' for usage.\n", Console.go4j("help", "rnu").err());
    }

    @Test
    void unknownOptionIsAUsageErrorOfOneLine() {
        Console c = Console.go4j("--frobnicate");
        assertEquals(2, c.exitCode());
        assertEquals("go4j: unknown option '--frobnicate'\nRun 'go4j --help' for usage.\n", c.err());
    }

    @Test
    void aSubcommandsUsageErrorNamesTheSubcommandInItsHint() {
        Console c = Console.go4j("demo", "--frobnicate");
        assertEquals(2, c.exitCode());
        assertEquals("go4j demo: unknown option '--frobnicate'\nRun 'go4j demo --help' for usage.\n", c.err());
        assertEquals("", c.out());
    }

    @Test
    void helpCommandShowsACommandsUsage() {
        Console c = Console.go4j("help", "demo");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("Usage: go4j demo"), c.out());
    }

    @Test
    void helpCommandAloneShowsTheUsage() {
        Console c = Console.go4j("help");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("Usage: go4j"), c.out());
    }

    @Test
    void demoWithAnUnknownExampleNamesEveryExample() {
        Console c = Console.go4j("demo", "no-such-example");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().startsWith("go4j demo: unknown example 'no-such-example'. The examples are: "), c.err());
        for (Example e : Examples.all()) {
            assertTrue(c.err().contains(e.name()), () -> e.name() + " missing from: " + c.err());
        }
        assertTrue(c.err().endsWith("\nRun 'go4j demo --help' for usage.\n"), c.err());
        assertEquals(2, c.err().lines().count(), "one line and the hint: " + c.err());
        assertEquals("", c.out());
    }

    @Test
    void demoOptionWithABadValueIsAUsageError() {
        Console c = Console.go4j("demo", "--timeout", "soon");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().startsWith("go4j demo: invalid value for option '--timeout'"), c.err());
        assertEquals(2, c.err().lines().count(), "one line and the hint: " + c.err());
        assertFalse(c.err().contains("Usage:"), c.err());
    }

    @Test
    void anArgumentFileIsNotExpanded(@TempDir Path dir) throws IOException {
        // go4j's own commands take no @files: '@x' is an argument like any other (and go4j run passes it to java)
        Path names = Files.writeString(dir.resolve("names"), "hello\n");
        Console c = Console.go4j("demo", "@" + names);
        assertEquals(2, c.exitCode(), c.out());
        assertTrue(c.err().startsWith("go4j demo: unknown example '@" + names + "'"), c.err());
    }

    @Test
    void theCommandLineKnowsEveryCommand() {
        CommandLine cl = Main.commandLine();
        assertEquals(List.of("demo", "test", "run", "bench", "help"), List.copyOf(cl.getSubcommands().keySet()));
    }
}
