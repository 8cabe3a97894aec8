package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WaitGroupExampleTest {
    @Test
    @Timeout(10)
    void mainWaitsForEveryWorker() throws Exception {
        List<String> out = List.of(Stdout.of(new WaitGroupExample()).split("\n"));
        assertEquals(11, out.size(), out.toString());
        assertEquals("All workers completed", out.get(10), "await returns only after every done");
        List<String> want = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            want.add("Worker " + i + " starting");
            want.add("Worker " + i + " done");
            assertTrue(out.indexOf("Worker " + i + " starting") < out.indexOf("Worker " + i + " done"));
        }
        assertEquals(want.stream().sorted().toList(), out.subList(0, 10).stream().sorted().toList());
    }
}
