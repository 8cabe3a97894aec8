package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PipelineTest {
    @Test
    @Timeout(10)
    void squaresFlowThroughInOrder() throws Exception {
        assertEquals("""
                4
                9
                16
                squared twice: 1 16 81 256
                """, Stdout.of(new Pipeline()));
    }

    @Test
    @Timeout(10)
    void anEmptyInputClosesEveryStage() {
        assertEquals(List.of(), Pipeline.square(Pipeline.generate()).stream().toList());
    }
}
