/**
 * go4j core: Go's concurrency toolkit on virtual threads. JDK only.
 *
 * <p>Exports the API packages; every {@code internal} package stays hidden.
 */
module io.github.go4j.core {
    requires jdk.management;

    exports io.github.go4j;
    exports io.github.go4j.chan;
    exports io.github.go4j.time;
    exports io.github.go4j.spi;
    exports io.github.go4j.context;
    exports io.github.go4j.sync;
    exports io.github.go4j.rate;
}
