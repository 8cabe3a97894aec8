package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.examples.Example;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(10)
class DemoCommandTest {

    /** An example made of a name, a title and a body. */
    record Fake(String name, String title, Body body) implements Example {
        interface Body {
            void run() throws Exception;
        }

        @Override
        public void run() throws Exception {
            body.run();
        }
    }

    static final Fake ONE = new Fake("one", "The first", () -> System.out.println("one ran"));
    static final Fake TWO = new Fake("two", "Second", () -> System.out.println("two ran"));
    static final Fake BROKEN = new Fake("broken", "Broken", () -> {
        System.out.println("broken starts");
        throw new IllegalStateException("it broke");
    });

    static Console demo(List<Example> examples, String... args) {
        return Console.run(() -> new CommandLine(new DemoCommand(() -> examples)), args);
    }

    @Test
    void runsEveryExampleUnderItsTitleWithABlankLineBetween() {
        Console c = demo(List.of(ONE, TWO));
        assertEquals(0, c.exitCode(), c.err());
        assertEquals("""
                The first
                =========
                one ran

                Second
                ======
                two ran
                """, c.out());
        assertEquals("", c.err());
    }

    @Test
    void runsTheNamedExamplesInTheOrderNamed() {
        Console c = demo(List.of(ONE, TWO), "two", "one");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().indexOf("two ran") < c.out().indexOf("one ran"), c.out());
    }

    @Test
    void aFailingExampleFailsTheTourButTheOthersStillRun() {
        Console c = demo(List.of(ONE, BROKEN, TWO));
        assertEquals(1, c.exitCode());
        assertTrue(c.out().contains("broken starts"), c.out());
        assertTrue(c.out().contains("two ran"), c.out());
        assertTrue(c.err().contains("go4j demo: broken failed: java.lang.IllegalStateException: it broke"), c.err());
        assertTrue(c.err().contains("1 of 3 examples failed: broken"), c.err());
    }

    @Test
    void aPanicInOneOfItsGoroutinesFailsTheExample() {
        Fake panics = new Fake("panics", "Panics", () -> {
            Go.go(() -> {
                throw new ArithmeticException("/ by zero");
            }).join();
            System.out.println("the example itself returned");
        });
        Console c = demo(List.of(panics, ONE));
        assertEquals(1, c.exitCode());
        assertTrue(c.out().contains("the example itself returned"), c.out());
        assertTrue(c.err().contains("panic: java.lang.ArithmeticException: / by zero"), "printed as Go does: " + c.err());
        assertTrue(c.err().contains("go4j demo: panics failed: a goroutine panicked: java.lang.ArithmeticException: / by zero"), c.err());
        assertTrue(c.out().contains("one ran"), c.out());
    }

    @Test
    void anExampleThatOverrunsIsInterruptedAndReported() {
        CountDownLatch never = new CountDownLatch(1);
        Fake hangs = new Fake("hangs", "Hangs", never::await);
        Console c = demo(List.of(hangs, ONE), "--timeout", "1");
        assertEquals(1, c.exitCode());
        assertTrue(c.err().contains("go4j demo: hangs failed: did not finish within 1 s"), c.err());
        assertTrue(c.out().contains("one ran"), "the tour goes on: " + c.out());
    }

    @Test
    void unknownNamesAreAUsageErrorListingTheExamples() {
        Console c = demo(List.of(ONE, TWO), "one", "three", "four");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().startsWith("demo: unknown examples 'three', 'four'. The examples are: one, two"), c.err());
        assertFalse(c.out().contains("one ran"), "nothing runs: " + c.out());
    }

    @Test
    void listPrintsNamesAndTitlesAndRunsNothing() {
        Console c = demo(List.of(ONE, TWO, BROKEN), "--list");
        assertEquals(0, c.exitCode(), c.err());
        assertEquals("""
                one     The first
                two     Second
                broken  Broken
                """, c.out());
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        Console c = demo(List.of(ONE), "--timeout", "0");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains("--timeout must be at least 1 second"), c.err());
    }
}
