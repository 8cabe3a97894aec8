package io.github.go4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example with System.out captured, as {@code go4j demo} would show it. */
final class Stdout {
    private Stdout() {}

    /** What {@code example} printed to standard output, line ends normalised to {@code \n}. */
    static String of(Example example) throws Exception {
        PrintStream real = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example.run();
        } finally {
            System.setOut(real);
        }
        return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
