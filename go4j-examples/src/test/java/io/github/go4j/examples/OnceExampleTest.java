package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OnceExampleTest {
    @Test
    @Timeout(10)
    void theSingletonIsInitialisedOnce() throws Exception {
        List<String> out = List.of(Stdout.of(new OnceExample()).split("\n"));
        assertEquals("Initializing singleton...", out.getFirst());
        List<String> want = IntStream.range(0, 10).mapToObj(i -> "Goroutine " + i + " got: I'm a singleton!").sorted().toList();
        assertEquals(want, out.subList(1, out.size()).stream().sorted().toList());
    }
}
