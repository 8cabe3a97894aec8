package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class WorkersTest {
    @RepeatedTest(5)
    @Timeout(10)
    void everyTaskIsProcessedExactlyOnce() throws Exception {
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 10; i++) expected.append("task ").append(i).append(" -> processed-task-").append(i).append('\n');
        expected.append("10 tasks processed, each exactly once, by at most 3 workers\n");
        assertEquals(expected.toString(), Stdout.of(new Workers()));
    }
}
