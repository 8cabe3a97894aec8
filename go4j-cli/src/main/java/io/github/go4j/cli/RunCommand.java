package io.github.go4j.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code go4j run}: runs a Java program as {@code java} would, with the same command line (see
 * {@link RunArguments}), under the race detector's agent with {@code --race}, on the JDK go4j runs on.
 *
 * <p>Started by a launcher ({@code ./go4j} or the distribution's {@code bin/go4j}), which names a file in
 * {@value #EXEC_FILE}, it writes the java command line there (each argument followed by a NUL byte) and
 * exits 0; the launcher then {@code exec}s it, so that the program's JVM takes the launcher's process: one
 * JVM, whose signals, standard streams and exit status are the program's own. Without a launcher it runs
 * the program as a {@link ChildProcess} and exits with its status. Either way the status is 66 when the
 * detector found races in a program that would have exited 0.
 */
@Command(
        name = "run",
        versionProvider = Version.class,
        synopsisHeading = "",
        customSynopsis = {
            "Usage: go4j run [GO4J OPTIONS] [JAVA OPTIONS] MAIN [ARGS...]",
            "       go4j run [GO4J OPTIONS] [JAVA OPTIONS] -jar APP.jar [ARGS...]",
            "       go4j run [GO4J OPTIONS] [JAVA OPTIONS] -m MODULE[/MAIN] [ARGS...]",
            "       go4j run [GO4J OPTIONS] [JAVA OPTIONS] SOURCE.java [ARGS...]",
        },
        description = {
            "Runs a Java program as java does, under the race detector with --race.",
            "",
            "Every option that is not go4j's goes to java unchanged: -cp, -p, -D...,",
            "-X..., -XX:..., --add-opens, --enable-preview, @argfiles and the rest.",
            "Everything after the program (MAIN, -jar APP.jar, -m MODULE[/MAIN] or",
            "SOURCE.java) is the program's own.",
            "",
            "GO4J OPTIONS (anywhere before the program):",
            "      --race               Run under the race detector: it reports races",
            "                           on standard error as it finds them, and the",
            "                           program exits 66 if it found any (and would",
            "                           otherwise have exited 0).",
            "      --race-options OPTS  The detector's options, GORACE-style, e.g.",
            "                           halt_on_error=1,log_path=race (also read from",
            "                           the environment variable GO4J_RACE; these win).",
            "  -h, --help               Show this help message and exit.",
            "  -V, --version            Print version information and exit.",
            "",
            "Exit status: the program's; 66 when --race found races; 1 when go4j",
            "cannot start it; 2 for a usage error.",
        })
final class RunCommand implements Callable<Integer> {

    /** The environment variable in which a launcher names the file to hand it the java command line in. */
    static final String EXEC_FILE = "GO4J_EXEC_FILE";

    /** Everything after {@code run}: picocli parses none of it ({@link RunArguments} does). */
    @Unmatched
    private List<String> args = new ArrayList<>();

    private CommandSpec spec;

    private final Map<String, String> env;
    private final Supplier<Path> agent;

    RunCommand() {
        this(System.getenv(), AgentJar::find);
    }

    /** A run command that reads {@link #EXEC_FILE} from {@code env} and runs {@code --race} with {@code agent}'s jar. */
    RunCommand(Map<String, String> env, Supplier<Path> agent) {
        this.env = env;
        this.agent = agent;
    }

    /** Gives picocli nothing to parse: the first argument and all after it are {@link #args}, even {@code --}. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.parser().stopAtUnmatched(true);
        spec.parser().endOfOptionsDelimiter("\0"); // never an argument: "--" is the program's or java's
    }

    @Override
    public Integer call() throws InterruptedException {
        RunArguments run;
        try {
            run = RunArguments.parse(args);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (run.help()) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        if (run.version()) {
            spec.commandLine().printVersionHelp(spec.commandLine().getOut());
            return 0;
        }
        List<String> command;
        try {
            command = run.javaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), run.race() ? agent.get() : null);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("go4j run: " + e.getMessage());
            return 1;
        }
        String handoff = env.get(EXEC_FILE);
        try {
            if (handoff != null && !handoff.isEmpty()) {
                Files.write(Path.of(handoff), nulTerminated(command));
                return 0;
            }
            return new ChildProcess(command).run();
        } catch (IOException e) {
            spec.commandLine().getErr().println("go4j run: cannot start " + command.getFirst() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The charset of command-line arguments on this system (the one java decoded go4j's own with). */
    static Charset argumentCharset() {
        String name = System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    private static byte[] nulTerminated(List<String> command) {
        StringBuilder b = new StringBuilder();
        for (String arg : command) b.append(arg).append('\0');
        return b.toString().getBytes(argumentCharset());
    }
}
