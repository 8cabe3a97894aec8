package io.github.go4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code go4j run [--race] [-cp CP] MAIN [ARGS...]} and {@code go4j run [--race] -jar APP.jar [ARGS...]}:
 * runs a Java program in a new JVM ({@code $JAVA_HOME/bin/java}, else this JVM's), with the race
 * detector's agent when {@code --race} is given ({@code <GO4J_HOME>/go4j-race/target/go4j-race-agent.jar}).
 * Standard input, output and error are the program's; its exit status is this command's (66 when the
 * detector found races in a program that would have exited 0).
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Runs a Java program, under the race detector with --race.",
            "Like go run -race: races are reported on standard error as they are found, and the program exits 66",
            "if it found any (and would otherwise have exited 0). Detector options (GORACE-style, e.g.",
            "halt_on_error=1,log_path=race) go in --race-options or the GO4J_RACE environment variable."
        })
final class RunCommand implements Callable<Integer> {

    static final String AGENT = "go4j-race/target/go4j-race-agent.jar";

    @Option(names = "--race", description = "Run under the race detector.")
    boolean race;

    @Option(names = "--race-options", paramLabel = "OPTS", description = "Options for the detector, e.g. exitcode=1,halt_on_error=1.")
    String raceOptions;

    @Option(names = {"-cp", "-classpath", "--class-path"}, paramLabel = "CP", description = "The program's class path.")
    String classPath;

    @Option(names = "-jar", paramLabel = "APP.jar", description = "Run the main class of this jar.")
    Path jar;

    @Parameters(paramLabel = "MAIN [ARGS]", description = "The main class (without -jar) and the program's arguments.")
    List<String> program = new ArrayList<>();

    private final Supplier<Optional<Path>> home;
    private CommandSpec spec;

    RunCommand() {
        this(ProjectHome::find);
    }

    RunCommand(Supplier<Optional<Path>> home) {
        this.home = home;
    }

    /** The program's own options and arguments are not this command's: parsing stops at MAIN. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.parser().stopAtPositional(true);
    }

    /** The java command line this runs. */
    List<String> javaCommand() {
        if (jar == null && program.isEmpty()) throw new ParameterException(spec.commandLine(), "missing MAIN class (or -jar APP.jar)");
        List<String> cmd = new ArrayList<>(List.of(java().toString()));
        if (race) {
            Path agent = agentJar(home.get());
            cmd.add("-javaagent:" + agent + (raceOptions == null || raceOptions.isBlank() ? "" : "=" + raceOptions));
        }
        if (classPath != null) {
            cmd.add("-cp");
            cmd.add(classPath);
        }
        if (jar != null) {
            cmd.add("-jar");
            cmd.add(jar.toString());
        }
        cmd.addAll(program);
        return cmd;
    }

    /** The java that programs run with: {@code $JAVA_HOME/bin/java}, else this JVM's. */
    static Path java() {
        String javaHome = System.getenv("JAVA_HOME");
        return Path.of(javaHome != null && !javaHome.isBlank() ? javaHome : System.getProperty("java.home"), "bin", "java");
    }

    /** The agent jar of the checkout at {@code home}; throws, saying how to build it, when it is not there. */
    static Path agentJar(Optional<Path> home) {
        Path agent = home.map(h -> h.resolve(AGENT)).orElse(null);
        if (agent == null || !Files.isRegularFile(agent)) {
            throw new IllegalStateException("the race detector's agent is not built: run mvn -pl go4j-race -am package -DskipTests"
                    + " (or ./go4j, which builds it with the project) in the go4j checkout"
                    + (agent == null ? "; GO4J_HOME is not set" : " (" + agent + " is missing)"));
        }
        return agent;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> cmd;
        try {
            cmd = javaCommand();
        } catch (IllegalStateException e) {
            System.err.println("go4j run: " + e.getMessage());
            return 1;
        }
        try {
            return new ChildProcess(cmd).run();
        } catch (IOException e) {
            System.err.println("go4j run: cannot start " + cmd.getFirst() + ": " + e.getMessage());
            return 1;
        }
    }
}
