/** The consumer's program, as a JPMS module that requires go4j-core by its module name. */
module org.example.consumer {
    requires io.github.go4j.core;

    exports org.example.consumer;
}
