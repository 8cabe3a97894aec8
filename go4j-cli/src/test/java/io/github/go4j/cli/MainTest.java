package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.examples.Example;
import io.github.go4j.examples.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Console c = Console.go4j("--help");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("Usage: go4j"), c.out());
        assertTrue(c.out().contains("  demo "), c.out());
        assertTrue(c.out().contains("  test "), c.out());
        assertEquals("", c.err());
    }

    @Test
    void versionNamesGo4jAndJava() {
        Console c = Console.go4j("--version");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().matches("(?s)go4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Java " + Runtime.version().feature() + ".*"), c.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Console c = Console.go4j();
        assertEquals(2, c.exitCode());
        assertTrue(c.err().startsWith("go4j: missing command"), c.err());
        assertTrue(c.err().contains("Usage: go4j"), c.err());
    }

    @Test
    void unknownCommandIsAUsageErrorThatSaysSo() {
        Console c = Console.go4j("frobnicate");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().startsWith("go4j: unknown command 'frobnicate'"), c.err());
        assertTrue(c.err().contains("Usage: go4j"), c.err());
        assertEquals("", c.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Console c = Console.go4j("--frobnicate");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains("--frobnicate"), c.err());
        assertTrue(c.err().contains("Usage: go4j"), c.err());
    }

    @Test
    void helpCommandShowsASubcommandsUsage() {
        Console c = Console.go4j("help", "demo");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("Usage: go4j demo"), c.out());
    }

    @Test
    void demoWithAnUnknownExampleNamesEveryExample() {
        Console c = Console.go4j("demo", "no-such-example");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().startsWith("go4j demo: unknown example 'no-such-example'. The examples are: "), c.err());
        for (Example e : Examples.all()) {
            assertTrue(c.err().contains(e.name()), () -> e.name() + " missing from: " + c.err());
        }
        assertEquals("", c.out());
    }

    @Test
    void demoOptionWithABadValueIsAUsageError() {
        Console c = Console.go4j("demo", "--timeout", "soon");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains("--timeout"), c.err());
    }
}
