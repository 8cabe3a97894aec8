package io.github.go4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code go4j} command. Run it through the {@code ./go4j} launcher at the repository root, which
 * finds a JDK 25, builds what is stale and sets {@code GO4J_HOME}.
 *
 * <p>Exit codes: 0 success, 1 the command failed (a failed example, a failed test run passes Maven's
 * own code through), 2 a usage error (unknown command or option, bad argument), with the usage on
 * standard error.
 */
@Command(
        name = "go4j",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Go's concurrency toolkit for Java 25: goroutines, channels, select, timers and the tools around them.",
        subcommands = {
            DemoCommand.class,
            TestCommand.class,
            RunCommand.class,
            BenchCommand.class,
            HelpCommand.class,
        })
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Runs the command line {@code args} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line {@code args} and returns its exit code (the JVM goes on). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: every subcommand, and the exit codes described above. */
    static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /** Gives {@code cl} go4j's error reporting and exit codes; returns it. */
    static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("go4j " + command.getCommandName() + ": " + e);
            e.printStackTrace(command.getErr());
            return CommandLine.ExitCode.SOFTWARE;
        });
        cl.setParameterExceptionHandler(Main::usageError);
        return cl;
    }

    /** A usage error: what was wrong (an unknown command said as such), the usage, exit code 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !command.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().getFirst().startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().getFirst() + "'";
        }
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println();
        command.usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code go4j} alone: there is nothing to do without a command. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: say which one, e.g. go4j demo");
    }
}
