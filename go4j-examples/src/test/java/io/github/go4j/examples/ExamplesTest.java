package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExamplesTest {

    @Test
    void namesAreUniqueLowerCaseWordsAndEveryExampleHasATitle() {
        Set<String> names = new HashSet<>();
        for (Example e : Examples.all()) {
            assertTrue(e.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), () -> "not a lower-case name: " + e.name());
            assertTrue(names.add(e.name()), () -> "two examples are called " + e.name());
            assertFalse(e.title().isBlank(), () -> e.name() + " has no title");
        }
    }

    @Test
    void theTourStartsWithGoroutinesAndChannels() {
        assertEquals("hello", Examples.all().getFirst().name());
    }
}
