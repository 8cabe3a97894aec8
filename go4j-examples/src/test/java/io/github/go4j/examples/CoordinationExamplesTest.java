package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The context, sync and rate examples: each prints what it should. */
@Timeout(20)
class CoordinationExamplesTest {

    static List<String> output(Example e) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            e.run();
        } finally {
            System.setOut(saved);
        }
        return Arrays.asList(buf.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        Collections.sort(s);
        return s;
    }

    @Test
    void registered() {
        List<String> names = Examples.all().stream().map(Example::name).toList();
        for (String n : List.of("waitgroup", "mutex", "once", "cond", "context", "errgroup", "rate")) {
            assertTrue(names.contains(n), n + " is registered");
        }
    }

    @Test
    void waitGroup() throws Exception {
        List<String> out = output(new WaitGroupExample());
        assertEquals(11, out.size(), out.toString());
        assertEquals("All workers completed", out.get(10));
        List<String> want = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            want.add("Worker " + i + " starting");
            want.add("Worker " + i + " done");
        }
        assertEquals(sorted(want), sorted(out.subList(0, 10)));
        for (int i = 1; i <= 5; i++) {
            assertTrue(out.indexOf("Worker " + i + " starting") < out.indexOf("Worker " + i + " done"));
        }
    }

    @Test
    void mutex() throws Exception {
        assertEquals(List.of("counter = 100000 (100 goroutines x 1000 increments)"), output(new MutexExample()));
    }

    @Test
    void once() throws Exception {
        List<String> out = output(new OnceExample());
        assertEquals("Initializing singleton...", out.get(0));
        assertEquals(1, Collections.frequency(out, "Initializing singleton..."));
        List<String> want = new ArrayList<>(IntStream.range(0, 10).mapToObj(i -> "Goroutine " + i + " got: I'm a singleton!").toList());
        assertEquals(sorted(want), sorted(out.subList(1, out.size())));
    }

    @Test
    void cond() throws Exception {
        List<String> out = output(new CondExample());
        List<String> consumed = out.stream().filter(l -> l.startsWith("Consumed")).toList();
        assertEquals(List.of("Consumed: 1", "Consumed: 2", "Consumed: 3", "Consumed: 4", "Consumed: 5"), consumed);
        assertEquals(List.of("Produced: 1", "Produced: 2", "Produced: 3", "Produced: 4", "Produced: 5"),
                out.stream().filter(l -> l.startsWith("Produced")).toList());
    }

    @Test
    void context() throws Exception {
        List<String> out = output(new ContextExample());
        assertEquals("cancelling the workers' context", out.get(0));
        assertEquals(sorted(List.of("all 3 workers stopped: context canceled")), List.of(out.get(1)));
        assertEquals(List.of(
                "all 3 workers stopped: context canceled",
                "slow call: context deadline exceeded (err() == DEADLINE_EXCEEDED: true)",
                "cause: the backend was too slow",
                "child of a cancelled parent: context canceled, cause: shutting down"), out.subList(1, out.size()));
    }

    @Test
    void errGroup() throws Exception {
        assertEquals(List.of(
                "await() returned the first error: item 3: corrupt record",
                "subtasks cancelled by it: 4",
                "context: context canceled, cause: item 3: corrupt record"), output(new ErrGroupExample()));
    }

    @Test
    void rate() throws Exception {
        assertEquals(List.of(
                "5 events at t0:      allowed allowed allowed dropped dropped",
                "tokens at t0+250ms:  0.5",
                "event at t0+500ms:   allowed",
                "reserve at t0+500ms: ok=true, act in 500 ms",
                "after cancelling it: tokens at t0+600ms = 0.2",
                "3 awaits at 50/s took at least 40 ms: true"), output(new RateLimiterExample()));
    }
}
