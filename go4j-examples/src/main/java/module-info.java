/** The seed material's programs, in Java; {@code go4j demo} runs them. */
module io.github.go4j.examples {
    requires io.github.go4j.core;
    exports io.github.go4j.examples;
}
