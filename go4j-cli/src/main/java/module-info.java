/** The {@code go4j} command: picocli subcommands over go4j-core and the examples. */
module io.github.go4j.cli {
    requires io.github.go4j.core;
    requires io.github.go4j.examples;
    requires info.picocli;

    // picocli fills the commands' annotated fields reflectively
    opens io.github.go4j.cli to info.picocli;
}
