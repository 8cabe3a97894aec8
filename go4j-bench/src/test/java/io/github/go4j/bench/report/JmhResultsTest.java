package io.github.go4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class JmhResultsTest {

    /** The shape JMH 1.37 writes with -rf json (trimmed to the fields read, plus some that are not). */
    static final String TWO_RUNS = """
            [
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "io.github.go4j.bench.Buffered1P1CBench.juc_ArrayBlockingQueue",
                    "mode" : "avgt",
                    "forks" : 2,
                    "jvmArgs" : [ "-Djdk.virtualThreadScheduler.parallelism=2" ],
                    "params" : { "capacity" : "16" },
                    "primaryMetric" : {
                        "score" : 40.0,
                        "scoreError" : "NaN",
                        "scoreConfidence" : [ "NaN", "NaN" ],
                        "scorePercentiles" : { "0.0" : 10.0, "100.0" : 90.0 },
                        "scoreUnit" : "ns/op",
                        "rawData" : [ [ 90.0, 10.0, 30.0 ], [ 50.0, 20.0 ] ]
                    },
                    "secondaryMetrics" : { }
                },
                {
                    "benchmark" : "io.github.go4j.bench.PingPongBench.go4j",
                    "mode" : "avgt",
                    "primaryMetric" : { "score" : 1.5, "scoreUnit" : "us/op", "rawData" : [ [ 1.0, 2.0 ] ] },
                    "secondaryMetrics" : { "escaped \\"name\\" \\u00e9" : { } }
                }
            ]
            """;

    @Test
    void readsMedianOfEveryIterationOfEveryForkWithPeerVariantAndParameters() {
        List<Result> results = JmhResults.parse(TWO_RUNS);
        assertEquals(2, results.size());
        Result abq = results.get(0);
        assertEquals("Buffered1P1CBench[capacity=16]", abq.key());
        assertEquals(Peer.JUC, abq.peer());
        assertEquals("ArrayBlockingQueue", abq.variant());
        assertEquals(30.0, abq.medianNs(), 1e-9, "median of 10, 20, 30, 50, 90 — not JMH's mean score");
        assertEquals(5, abq.samples());
    }

    @Test
    void convertsMicrosecondsToNanosecondsAndReadsMethodsWithoutVariant() {
        Result go4j = JmhResults.parse(TWO_RUNS).get(1);
        assertEquals("PingPongBench", go4j.key());
        assertEquals(Peer.GO4J, go4j.peer());
        assertEquals("", go4j.variant());
        assertEquals(1500.0, go4j.medianNs(), 1e-9);
    }

    @Test
    void rejectsThroughputScoresAndMalformedFiles() {
        String throughput = TWO_RUNS.replace("\"ns/op\"", "\"ops/ns\"");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JmhResults.parse(throughput))
                .getMessage().contains("ops/ns"));
        assertThrows(IllegalArgumentException.class, () -> JmhResults.parse("[ { \"benchmark\" : "));
        assertThrows(IllegalArgumentException.class, () -> JmhResults.parse("{}"));
    }

    @Test
    void methodsThatNameNoPeerAreAnError() {
        String stray = TWO_RUNS.replace("PingPongBench.go4j", "PingPongBench.mine");
        assertThrows(IllegalArgumentException.class, () -> JmhResults.parse(stray));
    }

    @Test
    void jsonReaderKeepsTypesAndEscapes() {
        Object v = Json.parse("{\"a\": [1, -2.5e1, true, false, null, \"x\\ty\\u0041\"], \"b\": {}}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1.0, -25.0, true, false, "x\tyA"), ((List<?>) m.get("a")).stream()
                .filter(java.util.Objects::nonNull).toList());
        assertEquals(6, ((List<?>) m.get("a")).size());
        assertEquals(Map.of(), m.get("b"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] 3"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }
}
