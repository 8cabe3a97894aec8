package io.github.go4j.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code bench/report.md}: the table, the machine and the commands that produced it, the hook cost, every figure. */
final class MarkdownReport {

    private MarkdownReport() {}

    static String render(ResultTable table, Machine m, List<String> failures) {
        StringBuilder s = new StringBuilder("# go4j benchmarks\n\n");
        if (m.quick()) {
            s.append("> **Quick pass** (`--quick`: one fork, short iterations): a smoke test, not a measurement to quote.\n\n");
        }
        s.append("Reproduce with `").append(m.command()).append("` from the repository root.\n\n");
        s.append("| machine | |\n|---|---|\n")
                .append("| cores (`nproc`) | ").append(m.cores()).append(" |\n")
                .append("| CPU | ").append(m.cpu()).append(" |\n")
                .append("| JDK | ").append(m.jdk()).append(" |\n")
                .append("| Go | ").append(m.go()).append(" |\n")
                .append("| date (UTC) | ").append(m.date()).append(" |\n\n");

        s.append("## Results\n\n");
        s.append("Nanoseconds per unit of work (the *ns per* column), median of every measured iteration. ")
                .append("Ratios are go4j / other: ≤ 1.00 means go4j is at least as fast; *best* is the fastest of ")
                .append("the other columns. A peer measured in several variants shows its fastest, abbreviated.\n\n");
        s.append(TextTable.markdown(table)).append('\n');
        appendLegend(s, table);
        for (ResultTable.Row row : table.rows) {
            if (!row.workload().note().isEmpty()) {
                s.append("- ").append(row.workload().label()).append(": ").append(row.workload().note()).append(".\n");
            }
        }
        s.append("- j.u.c's LinkedTransferQueue is unbounded: on the buffered rows it is a peer in kind only.\n")
                .append("- JCTools queues never block: its rows busy-wait with a back-off (64 × `Thread.onSpinWait()`, 64 × `Thread.yield()`, then `parkNanos` from 1 µs doubling to 1 ms).\n\n");
        if (!failures.isEmpty()) {
            s.append("**Benchmarks that failed** (no figure; see jmh.log beside the raw results in bench/raw): ")
                    .append(String.join(", ", failures)).append("\n\n");
        }

        appendHooks(s, table);
        appendFloor(s, table);

        s.append("## Every figure\n\n| benchmark | peer | variant | median ns | samples |\n|---|---|---|---:|---:|\n");
        for (Result r : table.results) {
            s.append("| ").append(r.key()).append(" | ").append(r.peer().label).append(" | ").append(r.variant())
                    .append(" | ").append(ResultTable.ns(r.medianNs())).append(" | ").append(r.samples()).append(" |\n");
        }
        s.append("\n## Commands\n\n- JMH: `").append(m.jmhCommand()).append("`\n");
        s.append("- Go: ").append(m.goCommand().isEmpty() ? "not run" : "`" + m.goCommand() + "` (in go4j-bench/go)").append('\n');
        s.append("\nThe chart of the same table: [report.svg](report.svg).\n");
        return s.toString();
    }

    private static void appendLegend(StringBuilder s, ResultTable table) {
        Map<String, String> legend = new LinkedHashMap<>();
        for (ResultTable.Row row : table.rows) {
            for (Map.Entry<Peer, ResultTable.Cell> e : row.cells().entrySet()) {
                String v = e.getValue().variant();
                if (!v.isEmpty() && e.getKey() != Peer.GO4J) legend.put(ResultTable.abbreviation(v), v);
            }
        }
        if (legend.isEmpty()) return;
        s.append("Variants: ");
        StringBuilder items = new StringBuilder();
        legend.forEach((k, v) -> items.append(items.isEmpty() ? "" : ", ").append(k).append(" = ").append(v));
        s.append(items).append(".\n\n");
    }

    private static void appendFloor(StringBuilder s, ResultTable table) {
        ResultTable.Floor floor = table.floor;
        if (floor == null) return;
        s.append("## The virtual-thread floor\n\n");
        s.append(String.format(Locale.ROOT,
                "Two virtual threads taking turns on a volatile field, no channel (VirtualThreadFloorBench): %s ns per round trip "
                        + "when each waits with `Thread.yield()`, %s ns with `LockSupport.park`/`unpark`. A goroutine that waits "
                        + "costs at least one such switch; a ping-pong round trip has two waits.",
                ResultTable.ns(floor.yieldRoundTripNs()), ResultTable.ns(floor.parkRoundTripNs())));
        ResultTable.Row pingPong = table.row("PingPongBench");
        ResultTable.Cell go4j = pingPong == null ? null : pingPong.cell(Peer.GO4J);
        if (go4j != null && !Double.isNaN(floor.yieldRoundTripNs())) {
            s.append(String.format(Locale.ROOT, " go4j's ping-pong (%s ns) is %.2f× the yield round trip.",
                    ResultTable.ns(go4j.ns()), go4j.ns() / floor.yieldRoundTripNs()));
        }
        s.append("\n\n");
    }

    private static void appendHooks(StringBuilder s, ResultTable table) {
        s.append("## Event SPI hooks with no listener\n\n");
        ResultTable.HookCost hooks = table.hooks;
        if (hooks == null) {
            s.append("Not measured in this run (EventHooksBench was filtered out or failed).\n\n");
            return;
        }
        s.append(String.format(Locale.ROOT,
                "A loop of calls costs %s ns per call bare, %s ns with `Events.release`, %s ns with `Events.acquire`: "
                        + "one hook adds **%s ns**. The issue's bound is 2%% of the ping-pong and buffered rows; assuming %d "
                        + "hooks per message (a release and an acquire for each of Go's two edges per message):\n\n",
                ResultTable.ns(hooks.baselineNs()), ResultTable.ns(hooks.releaseNs()), ResultTable.ns(hooks.acquireNs()),
                ResultTable.ns(hooks.perHookNs()), Workload.HOOKS_PER_MESSAGE));
        StringBuilder rows = new StringBuilder();
        for (ResultTable.Row row : table.rows) {
            ResultTable.Cell go4j = row.cell(Peer.GO4J);
            int n = row.workload().hooksPerUnit();
            if (n == 0 || go4j == null) continue;
            double share = 100 * n * hooks.perHookNs() / go4j.ns();
            rows.append("| ").append(row.workload().label()).append(" | ").append(ResultTable.ns(go4j.ns())).append(" | ")
                    .append(n).append(" | ").append(String.format(Locale.ROOT, "%.2f%%%s", share, share < 2 ? "" : " ⚠"))
                    .append(" |\n");
        }
        if (rows.isEmpty()) {
            s.append("(go4j has no figure on the ping-pong and buffered rows in this run.)\n\n");
        } else {
            s.append("| row | go4j ns | hooks per unit | hook share |\n|---|---:|---:|---:|\n").append(rows).append('\n');
        }
    }
}
