package io.github.go4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class GoResultsTest {

    static final String OUTPUT = """
            goos: linux
            goarch: amd64
            pkg: github.com/go4j/go4j-bench
            cpu: AMD EPYC
            BenchmarkPingPong-2             	      94	   3212076 ns/op	       321.2 ns/roundtrip
            BenchmarkPingPong-2             	      90	   3412076 ns/op	       341.2 ns/roundtrip
            BenchmarkPingPong-2             	      99	   2212076 ns/op	       221.2 ns/roundtrip
            BenchmarkBuffered1P1C16-2       	      62	   5307285 ns/op	        53.07 ns/msg
            BenchmarkCancelFanOut           	      68	   8877946 ns/op	    8.87793e+05 ns/round
            BenchmarkPlain-2                	 1000000	        12.5 ns/op	       0 B/op	       0 allocs/op
            PASS
            ok  	github.com/go4j/go4j-bench	5.371s
            """;

    @Test
    void takesTheMedianOfTheCountLinesOfTheCustomMetric() {
        List<Result> results = GoResults.parse(OUTPUT);
        assertEquals(List.of("PingPong", "Buffered1P1C16", "CancelFanOut", "Plain"), results.stream().map(Result::key).toList());
        Result pingPong = results.get(0);
        assertEquals(Peer.GO, pingPong.peer());
        assertEquals(321.2, pingPong.medianNs(), 1e-9, "median of 221.2, 321.2, 341.2 in ns/roundtrip, not ns/op");
        assertEquals(3, pingPong.samples());
        assertEquals(53.07, results.get(1).medianNs(), 1e-9);
    }

    @Test
    void readsExponentsNamesWithoutProcsSuffixAndFallsBackToNsPerOp() {
        List<Result> results = GoResults.parse(OUTPUT);
        assertEquals(887793.0, results.get(2).medianNs(), 1e-6);
        assertEquals(12.5, results.get(3).medianNs(), 1e-9, "no ns/<unit> metric: ns/op; B/op is not a time");
    }

    @Test
    void ignoresEverythingThatIsNotAResultLine() {
        assertNull(GoResults.parseLine("PASS"));
        assertNull(GoResults.parseLine("--- FAIL: BenchmarkPingPong-2"));
        assertNull(GoResults.parseLine("BenchmarkPingPong-2"));
        assertEquals(Map.entry("X", 7.0), GoResults.parseLine("BenchmarkX-8  10  70 ns/op  7 ns/msg"));
        assertEquals(List.of(), GoResults.parse("ok  \tpkg\t1s\n"));
    }
}
