package io.github.go4j.bench.report;

import java.util.Locale;

/**
 * The table as a grouped horizontal bar chart, hand-written SVG: one group per workload, one bar per peer
 * (always in the same slot and colour), on a logarithmic axis of nanoseconds so that a 1 ns select and a
 * 1 ms cancellation round both read; each bar is labelled with its figure. Shorter is faster.
 */
final class SvgChart {

    private static final int WIDTH = 980;
    private static final int LABEL_WIDTH = 210;
    private static final int PLOT_LEFT = LABEL_WIDTH + 10;
    private static final int PLOT_RIGHT = WIDTH - 90;
    private static final int BAR = 11;
    private static final int GROUP_GAP = 16;
    private static final int TOP = 98;

    private SvgChart() {}

    static String render(ResultTable table, Machine machine) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (ResultTable.Row row : table.rows) {
            for (ResultTable.Cell c : row.cells().values()) {
                min = Math.min(min, c.ns());
                max = Math.max(max, c.ns());
            }
        }
        if (max == 0) {
            min = 1;
            max = 10;
        }
        int lo = (int) Math.floor(Math.log10(Math.max(min, 1e-3)));
        int hi = Math.max(lo + 1, (int) Math.ceil(Math.log10(max)));
        int groupHeight = Peer.values().length * BAR + GROUP_GAP;
        int plotBottom = TOP + table.rows.size() * groupHeight;
        int height = plotBottom + 40;

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n", WIDTH, height, WIDTH, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, height));
        s.append(text(10, 20, "go4j beside Go, jox, java.util.concurrent and JCTools: ns per op, log scale (shorter is faster)",
                "font-size=\"14\" font-weight=\"bold\""));
        s.append(text(10, 38, machineLine(machine), "fill=\"#555\""));
        s.append(text(10, 52, "measured with: " + machine.command(), "fill=\"#555\""));
        int x = 10;
        for (Peer p : Peer.values()) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"64\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", x, p.colour));
            s.append(text(x + 16, 74, p.label, ""));
            x += 30 + 7 * p.label.length();
        }
        for (int d = lo; d <= hi; d++) {
            double gx = xOf(Math.pow(10, d), lo, hi);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                    gx, TOP - 6, gx, plotBottom));
            s.append(text(gx, plotBottom + 16, decade(d), "text-anchor=\"middle\" fill=\"#555\""));
        }
        int y = TOP;
        for (ResultTable.Row row : table.rows) {
            double mid = y + Peer.values().length * BAR / 2.0;
            s.append(text(LABEL_WIDTH, mid - 2, row.workload().label(), "text-anchor=\"end\" font-weight=\"bold\""));
            s.append(text(LABEL_WIDTH, mid + 11, "ns per " + row.workload().unit() + ratioNote(row),
                    "text-anchor=\"end\" fill=\"#555\""));
            int slot = 0;
            for (Peer p : Peer.values()) {
                int by = y + slot * BAR;
                ResultTable.Cell c = row.cell(p);
                if (c != null) {
                    double w = Math.max(1, xOf(c.ns(), lo, hi) - PLOT_LEFT);
                    s.append(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s ns</title></rect>\n",
                            PLOT_LEFT, by, w, BAR - 2, p.colour, escape(p.label), ResultTable.ns(c.ns())));
                    s.append(text(PLOT_LEFT + w + 4, by + BAR - 3, ResultTable.ns(c.ns()), "font-size=\"9\""));
                } else {
                    s.append(text(PLOT_LEFT + 4, by + BAR - 3, p.label + ": –", "font-size=\"9\" fill=\"#999\""));
                }
                slot++;
            }
            y += groupHeight;
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
                PLOT_LEFT, TOP - 6, PLOT_LEFT, plotBottom));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String machineLine(Machine m) {
        return (m.quick() ? "quick pass (smoke test) — " : "") + m.cores() + " cores, " + m.cpu() + ", " + m.jdk() + ", "
                + m.go() + ", " + m.date();
    }

    private static String ratioNote(ResultTable.Row row) {
        double r = row.ratioToBest();
        return Double.isNaN(r) ? "" : ", go4j/best " + ResultTable.ratio(r);
    }

    private static double xOf(double ns, int lo, int hi) {
        double v = Math.log10(Math.max(ns, Math.pow(10, lo)));
        return PLOT_LEFT + (v - lo) / (hi - lo) * (PLOT_RIGHT - PLOT_LEFT);
    }

    private static String decade(int d) {
        String[] units = {"ns", "µs", "ms", "s"};
        if (d < 0) return String.format(Locale.ROOT, "%s ns", Math.pow(10, d));
        int unit = Math.min(d / 3, units.length - 1);
        long v = (long) Math.pow(10, d - 3 * unit);
        return v + " " + units[unit];
    }

    private static String text(double x, double y, String content, String attributes) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>\n", x, y,
                attributes.isEmpty() ? "" : " " + attributes, escape(content));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
