package io.github.go4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code go4j test [MAVEN ARGS...]}: the whole test suite, as {@code mvn -B verify} (every module's tests,
 * and the race agent's end-to-end tests, which need its packaged jar) in the project root with
 * {@code JAVA_HOME} from the environment (the launcher's JDK; else the JDK running this command). Maven's
 * output is streamed as it comes and its exit code is this command's.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Runs the whole test suite (mvn -B verify: the unit tests and the race agent's end-to-end tests).",
            "Runs mvn -B verify in the project root, streams Maven's output and exits with Maven's exit code.",
            "Every other argument goes to Maven, e.g. go4j test -pl go4j-core -Dtest='ChanTest*'"
        })
final class TestCommand implements Callable<Integer> {

    @Unmatched
    private List<String> mavenArgs = new ArrayList<>();

    private final Supplier<Optional<Path>> home;
    private final String maven;

    TestCommand() {
        this(ProjectHome::find, "mvn");
    }

    /** A test command that runs {@code maven} (a path or a name on PATH) in the root {@code home} finds. */
    TestCommand(Supplier<Optional<Path>> home, String maven) {
        this.home = home;
        this.maven = maven;
    }

    /** The command line this runs: {@code mvn -B verify} and the extra arguments. */
    List<String> mavenCommand() {
        List<String> command = new ArrayList<>(List.of(maven, "-B", "verify"));
        command.addAll(mavenArgs);
        return command;
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<Path> root = home.get();
        if (root.isEmpty()) {
            System.err.println("go4j test: " + ProjectHome.missing("test"));
            return 1;
        }
        List<String> command = mavenCommand();
        System.err.println("go4j test: " + String.join(" ", command) + "   (in " + root.get() + ")");
        ChildProcess maven = new ChildProcess(command).directory(root.get())
                .environmentDefault("JAVA_HOME", System.getProperty("java.home"));
        try {
            return maven.run();
        } catch (IOException e) {
            System.err.println("go4j test: cannot run Maven (" + this.maven + "): " + e.getMessage()
                    + "; install Maven 3.8 or newer so that mvn is on PATH.");
            return 1;
        }
    }
}
