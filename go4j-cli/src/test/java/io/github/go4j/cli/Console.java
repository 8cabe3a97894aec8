package io.github.go4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs a command line with standard output and error captured (both System's and picocli's). */
record Console(int exitCode, String out, String err) {

    /**
     * Runs {@code args} through the command line {@code commands} makes; it is made after System.out is
     * redirected, since picocli's help output keeps to the System.out of the time the command line was made.
     */
    static Console run(Supplier<CommandLine> commands, String... args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(capturedOut);
        System.setErr(capturedErr);
        try {
            CommandLine cl = Main.configure(commands.get());
            cl.setOut(new PrintWriter(capturedOut, true));
            cl.setErr(new PrintWriter(capturedErr, true));
            int code = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
            return new Console(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    /** {@code args} through the real {@code go4j} command line. */
    static Console go4j(String... args) {
        return run(Main::commandLine, args);
    }
}
