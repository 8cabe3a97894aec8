package io.github.go4j.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Reads JMH's {@code -rf json} result file into {@link Result}s: the median over every measured iteration of every fork. */
final class JmhResults {

    private JmhResults() {}

    /**
     * Parses a JMH JSON result file's text.
     *
     * @throws IllegalArgumentException when it is not JMH's JSON, or a score is in a unit not per op
     */
    @SuppressWarnings("unchecked")
    static List<Result> parse(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof List<?> runs)) throw new IllegalArgumentException("JMH results: expected a JSON array");
        List<Result> results = new ArrayList<>();
        for (Object o : runs) {
            Map<String, Object> run = (Map<String, Object>) o;
            String benchmark = (String) run.get("benchmark");
            int dot = benchmark.lastIndexOf('.');
            String method = benchmark.substring(dot + 1);
            String className = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
            Map<String, Object> metric = (Map<String, Object>) run.get("primaryMetric");
            double toNs = nanosPer((String) metric.get("scoreUnit"));
            List<Double> samples = new ArrayList<>();
            for (Object fork : (List<Object>) metric.get("rawData")) {
                for (Object v : (List<Object>) fork) samples.add(((Double) v) * toNs);
            }
            results.add(new Result(key(className, (Map<String, Object>) run.get("params")), Peer.ofMethod(method),
                    Peer.variantOf(method), Result.median(samples), samples.size()));
        }
        return results;
    }

    /** {@code Class} or {@code Class[p1=v1,p2=v2]}, the parameters in JMH's order. */
    static String key(String className, Map<String, Object> params) {
        if (params == null || params.isEmpty()) return className;
        StringJoiner j = new StringJoiner(",", className + "[", "]");
        params.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("JMH score unit " + unit + " is not a time per op (use -bm avgt)");
        };
    }
}
