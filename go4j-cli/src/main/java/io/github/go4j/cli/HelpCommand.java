package io.github.go4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code go4j help [COMMAND]}: the usage of go4j, or of one of its commands. A name that is no command is
 * the usage error that {@code go4j NAME} is: "unknown command 'NAME'".
 */
@Command(
        name = "help",
        helpCommand = true,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Shows the usage of go4j, or of the command named.")
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..1", description = "the command to show the usage of")
    private String command;

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public Integer call() {
        CommandLine go4j = self.getParent();
        if (command == null) {
            go4j.usage(out, colors);
            return 0;
        }
        CommandLine named = go4j.getSubcommands().get(command);
        if (named == null) {
            throw new ParameterException(go4j, Main.unknownCommand(command, go4j.getSubcommands().keySet()));
        }
        named.usage(out, colors);
        return 0;
    }
}
