package io.github.go4j.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code go test -bench} output into {@link Result}s: for each benchmark, the median over its
 * {@code -count} lines of its per-unit metric (the first {@code ns/<unit>} other than {@code ns/op}, which
 * the twins report as the time per message; {@code ns/op} when there is none).
 */
final class GoResults {

    /** {@code BenchmarkName-2   94   3212076 ns/op   321.2 ns/roundtrip}; the GOMAXPROCS suffix is optional. */
    private static final Pattern LINE = Pattern.compile("^Benchmark(\\S+?)(?:-\\d+)?\\s+\\d+\\s+(.*)$");
    private static final Pattern METRIC = Pattern.compile("([0-9.eE+-]+)\\s+(\\S+)");

    private GoResults() {}

    /** One benchmark line's name and per-unit figure, or null when {@code line} is not a result line. */
    static Map.Entry<String, Double> parseLine(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) return null;
        Double perOp = null;
        Double perUnit = null;
        Matcher metric = METRIC.matcher(m.group(2));
        while (metric.find()) {
            String unit = metric.group(2);
            double value;
            try {
                value = Double.parseDouble(metric.group(1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (unit.equals("ns/op")) perOp = value;
            else if (unit.startsWith("ns/") && perUnit == null) perUnit = value;
        }
        Double v = perUnit != null ? perUnit : perOp;
        return v == null ? null : Map.entry(m.group(1), v);
    }

    /** Parses a whole {@code go test} output. */
    static List<Result> parse(String output) {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            Map.Entry<String, Double> e = parseLine(line);
            if (e != null) samples.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        List<Result> results = new ArrayList<>();
        samples.forEach((name, values) -> results.add(new Result(name, Peer.GO, "", Result.median(values), values.size())));
        return results;
    }
}
