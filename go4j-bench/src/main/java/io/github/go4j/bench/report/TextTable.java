package io.github.go4j.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The report's table as text for the terminal and as Markdown, from one list of cells. */
final class TextTable {

    private TextTable() {}

    static List<String> header() {
        List<String> h = new ArrayList<>(List.of("workload", "ns per"));
        for (Peer p : Peer.values()) h.add(p.label);
        h.add("go4j/Go");
        h.add("go4j/best");
        return h;
    }

    static List<List<String>> cells(ResultTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (ResultTable.Row row : table.rows) {
            List<String> r = new ArrayList<>(List.of(row.workload().label(), row.workload().unit()));
            for (Peer p : Peer.values()) {
                ResultTable.Cell c = row.cell(p);
                if (c == null) r.add("–");
                else if (c.variant().isEmpty() || p == Peer.GO4J) r.add(ResultTable.ns(c.ns()));
                else r.add(ResultTable.ns(c.ns()) + " " + ResultTable.abbreviation(c.variant()));
            }
            r.add(ResultTable.ratio(row.ratioToGo()));
            Peer best = row.bestPeer();
            double toBest = row.ratioToBest();
            r.add(Double.isNaN(toBest) ? "–" : ResultTable.ratio(toBest) + " " + best.label);
            rows.add(r);
        }
        return rows;
    }

    /** Aligned columns for a terminal: text left, figures right. */
    static String plain(ResultTable table) {
        List<String> header = header();
        List<List<String>> rows = cells(table);
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, width);
        int total = 0;
        for (int w : width) total += w + 2;
        sb.append("-".repeat(total - 2)).append('\n');
        for (List<String> r : rows) appendLine(sb, r, width);
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            sb.append(i < 2 ? c + pad : pad + c);
            if (i < cells.size() - 1) sb.append("  ");
        }
        sb.append('\n');
    }

    /** A Markdown table (GitHub flavour), figures right-aligned. */
    static String markdown(ResultTable table) {
        List<String> header = header();
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) sb.append(i < 2 ? "---|" : "---:|");
        sb.append('\n');
        for (List<String> r : cells(table)) sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        return sb.toString();
    }
}
