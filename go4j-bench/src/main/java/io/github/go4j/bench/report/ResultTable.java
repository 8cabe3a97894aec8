package io.github.go4j.bench.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report's table: one row per {@link Workload} that has any figure, one cell per {@link Peer}. A peer
 * measured in several variants (SynchronousQueue and LinkedTransferQueue, say) shows its fastest, named.
 * Ratios are go4j / other, so that ≤ 1.0 means go4j is at least as fast.
 */
final class ResultTable {

    /** A peer's figure on a row: its fastest variant's median. */
    record Cell(double ns, String variant) {}

    /** One row. */
    record Row(Workload workload, Map<Peer, Cell> cells) {

        Cell cell(Peer p) {
            return cells.get(p);
        }

        /** go4j / Go, or NaN when either is missing. */
        double ratioToGo() {
            return ratio(cells.get(Peer.GO));
        }

        /** The fastest peer other than go4j (Go included), or null. */
        Peer bestPeer() {
            Peer best = null;
            for (Map.Entry<Peer, Cell> e : cells.entrySet()) {
                if (e.getKey() == Peer.GO4J) continue;
                if (best == null || e.getValue().ns() < cells.get(best).ns()) best = e.getKey();
            }
            return best;
        }

        /** go4j / the fastest other peer, or NaN. */
        double ratioToBest() {
            Peer best = bestPeer();
            return best == null ? Double.NaN : ratio(cells.get(best));
        }

        private double ratio(Cell other) {
            Cell go4j = cells.get(Peer.GO4J);
            return go4j == null || other == null ? Double.NaN : go4j.ns() / other.ns();
        }
    }

    /** The cost of one no-listener SPI hook, as measured by EventHooksBench. */
    record HookCost(double baselineNs, double releaseNs, double acquireNs) {
        /** ns one hook adds to the loop (the dearer of release and acquire), never negative. */
        double perHookNs() {
            return Math.max(0, Math.max(releaseNs, acquireNs) - baselineNs);
        }
    }

    /** The JDK's cost of a virtual-thread round trip, as measured by VirtualThreadFloorBench (NaN: not measured). */
    record Floor(double yieldRoundTripNs, double parkRoundTripNs) {}

    final List<Row> rows;
    final List<Result> results;
    final HookCost hooks;
    final Floor floor;

    private ResultTable(List<Row> rows, List<Result> results, HookCost hooks, Floor floor) {
        this.rows = rows;
        this.results = results;
        this.hooks = hooks;
        this.floor = floor;
    }

    /** The row of the workload whose JMH key is {@code jmhKey}, or null. */
    Row row(String jmhKey) {
        for (Row r : rows) if (r.workload().jmhKey().equals(jmhKey)) return r;
        return null;
    }

    /** Builds the table from every figure measured (JMH's and Go's together). */
    static ResultTable of(List<Result> results) {
        List<Row> rows = new ArrayList<>();
        for (Workload w : Workload.ALL) {
            Map<Peer, Cell> cells = new EnumMap<>(Peer.class);
            for (Result r : results) {
                boolean mine = r.peer() == Peer.GO ? r.key().equals(w.goName()) : r.key().equals(w.jmhKey());
                if (!mine) continue;
                Cell old = cells.get(r.peer());
                if (old == null || r.medianNs() < old.ns()) cells.put(r.peer(), new Cell(r.medianNs(), r.variant()));
            }
            if (!cells.isEmpty()) rows.add(new Row(w, cells));
        }
        return new ResultTable(rows, results, hookCost(results), floor(results));
    }

    private static Floor floor(List<Result> results) {
        double yield = Double.NaN, park = Double.NaN;
        for (Result r : results) {
            if (!r.key().equals("VirtualThreadFloorBench")) continue;
            if (r.variant().equals("YieldRoundTrip")) yield = r.medianNs();
            if (r.variant().equals("ParkRoundTrip")) park = r.medianNs();
        }
        return Double.isNaN(yield) && Double.isNaN(park) ? null : new Floor(yield, park);
    }

    private static HookCost hookCost(List<Result> results) {
        Double baseline = null, release = null, acquire = null;
        for (Result r : results) {
            if (!r.key().equals("EventHooksBench")) continue;
            switch (r.variant()) {
                case "baseline" -> baseline = r.medianNs();
                case "release" -> release = r.medianNs();
                case "acquire" -> acquire = r.medianNs();
                default -> { }
            }
        }
        return baseline == null || release == null || acquire == null ? null : new HookCost(baseline, release, acquire);
    }

    /** Short name of a variant for a table cell: its capitals (SynchronousQueue → SQ). */
    static String abbreviation(String variant) {
        StringBuilder sb = new StringBuilder();
        for (char c : variant.toCharArray()) if (Character.isUpperCase(c)) sb.append(c);
        return sb.isEmpty() ? variant : sb.toString();
    }

    /** A figure for a table: 3 significant digits below 100, whole nanoseconds above. */
    static String ns(double v) {
        if (Double.isNaN(v)) return "–";
        if (v >= 100) return String.format(java.util.Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(java.util.Locale.ROOT, "%.1f", v);
        if (v >= 1) return String.format(java.util.Locale.ROOT, "%.2f", v);
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /** A ratio for a table, two decimals. */
    static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(java.util.Locale.ROOT, "%.2f", r);
    }
}
