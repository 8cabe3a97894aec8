package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CondExampleTest {
    @Test
    @Timeout(10)
    void theConsumerGetsEveryItemInOrder() throws Exception {
        List<String> out = List.of(Stdout.of(new CondExample()).split("\n"));
        assertEquals(List.of("Consumed: 1", "Consumed: 2", "Consumed: 3", "Consumed: 4", "Consumed: 5"),
                out.stream().filter(l -> l.startsWith("Consumed")).toList());
        assertEquals(List.of("Produced: 1", "Produced: 2", "Produced: 3", "Produced: 4", "Produced: 5"),
                out.stream().filter(l -> l.startsWith("Produced")).toList());
        assertEquals(10, out.size());
    }
}
