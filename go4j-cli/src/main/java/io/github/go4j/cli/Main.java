package io.github.go4j.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code go4j} command. Run it through a launcher, which finds a JDK 25 or newer: {@code ./go4j} at the
 * root of a checkout (it also builds what is stale and sets {@code GO4J_HOME}), or {@code bin/go4j} of the
 * distribution.
 *
 * <p>Exit codes: 0 success; 1 the command failed (a failed example; {@code go4j run} and {@code go4j test}
 * pass the program's and Maven's own codes through); 2 a usage error (unknown command or option, bad
 * argument), reported as one line saying what is wrong and a line saying where the usage is.
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

    /** Not instantiated by users: picocli makes the command. */
    Main() {}

    /**
     * Runs the command line {@code args} and exits the JVM with its exit code.
     *
     * @param args the command line, e.g. {@code demo hello}
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line {@code args} and returns its exit code (the JVM goes on).
     *
     * @param args the command line, e.g. {@code demo hello}
     * @return the exit code: 0 success, 1 failure, 2 usage error, or the code of the program or Maven it ran
     */
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
        // no command of go4j's reads @files, and go4j run hands them to java untouched
        cl.setExpandAtFiles(false);
        return cl;
    }

    /** A usage error: one line saying what is wrong, one saying where the usage is; exit code 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println(name + ": " + whatIsWrong(e));
        err.println("Run '" + name + " --help' for usage.");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    /** The message of {@code e} in go4j's words: an unknown command or option named as such, in lower case. */
    private static String whatIsWrong(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().getFirst();
            if (first.startsWith("-")) return "unknown option '" + first + "'";
            var commands = e.getCommandLine().getSubcommands().keySet();
            if (!commands.isEmpty()) return unknownCommand(first, commands);
        }
        String message = String.valueOf(e.getMessage());
        boolean sentence = message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1));
        return sentence ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    /** "unknown command 'x'", and the command meant when {@code name} is one or two typos away from one of {@code commands}. */
    static String unknownCommand(String name, Collection<String> commands) {
        String meant = null;
        int best = 3;
        for (String c : commands) {
            int d = typos(name, c);
            if (d < best) {
                best = d;
                meant = c;
            }
        }
        return "unknown command '" + name + "'" + (meant == null ? "" : " (did you mean '" + meant + "'?)");
    }

    /** The edits (insert, delete, replace, swap two neighbours) that make {@code a} into {@code b}. */
    private static int typos(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int replace = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + replace);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code go4j} alone: there is nothing to do without a command. */
    @Override
    public Integer call() {
        List<String> commands = List.copyOf(spec.subcommands().keySet());
        throw new ParameterException(spec.commandLine(), "missing command ("
                + String.join(", ", commands.subList(0, commands.size() - 1)) + " or " + commands.getLast() + ")");
    }
}
