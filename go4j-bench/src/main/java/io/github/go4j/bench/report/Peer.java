package io.github.go4j.bench.report;

/**
 * The report's columns. A JMH benchmark method named {@code peer_Variant} (or just {@code peer}) belongs to
 * the peer named by its prefix; the Go twins are {@link #GO}.
 */
enum Peer {
    GO4J("go4j", "go4j", "#d62728"),
    GO("Go", null, "#1f77b4"),
    JOX("jox", "jox", "#2ca02c"),
    JUC("j.u.c", "juc", "#9467bd"),
    JCTOOLS("JCTools", "jctools", "#8c564b");

    /** The column header. */
    final String label;
    /** The JMH method-name prefix, or null for the Go twins. */
    final String methodPrefix;
    /** The bar colour in the chart. */
    final String colour;

    Peer(String label, String methodPrefix, String colour) {
        this.label = label;
        this.methodPrefix = methodPrefix;
        this.colour = colour;
    }

    /**
     * The peer of a JMH benchmark method.
     *
     * @throws IllegalArgumentException when the method's prefix names no peer
     */
    static Peer ofMethod(String method) {
        int cut = method.indexOf('_');
        String prefix = cut < 0 ? method : method.substring(0, cut);
        for (Peer p : values()) {
            if (prefix.equals(p.methodPrefix)) return p;
        }
        throw new IllegalArgumentException("benchmark method " + method + " names no peer (go4j, jox, juc, jctools)");
    }

    /** The variant a method names after its prefix ({@code juc_SynchronousQueue} → SynchronousQueue), or "". */
    static String variantOf(String method) {
        int cut = method.indexOf('_');
        return cut < 0 ? "" : method.substring(cut + 1);
    }
}
