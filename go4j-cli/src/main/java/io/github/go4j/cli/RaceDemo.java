package io.github.go4j.cli;

import io.github.go4j.Go;
import io.github.go4j.examples.AtomicCounter;
import io.github.go4j.examples.Example;
import io.github.go4j.examples.MutexCounter;
import io.github.go4j.examples.RacyCounter;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The tour's race-detector step: the seed's racy counter, then its two fixes, each run as
 * {@code go4j run --race} runs it (a JVM of its own under the agent). Before each it prints that
 * {@code go4j run} command, with the examples' real class path, for the user to copy; then the program's
 * output (the race report included) and exit status. Fails, naming it, when one does not exit as it
 * should (66 for the racy counter, 0 for the fixes) or when there is no agent jar.
 */
final class RaceDemo implements Example {

    /** One program of the step: its main class and the exit status it must end with. */
    record Program(Class<?> main, int expectedStatus, String says) {}

    static final List<Program> PROGRAMS = List.of(
            new Program(RacyCounter.class, 66, "ten goroutines do counter++ on a plain field: the detector reports the race, the program exits 66"),
            new Program(MutexCounter.class, 0, "the same counter under a Mutex: no report, exit 0"),
            new Program(AtomicCounter.class, 0, "the same counter as an AtomicLong: no report, exit 0"));

    /** The environment variable in which a launcher says how the user called go4j (e.g. ./go4j), for commands to copy. */
    static final String COMMAND_NAME = "GO4J_COMMAND";

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<Path> agent;
    private final String go4j;

    RaceDemo() {
        this(AgentJar::find, commandName(System.getenv(COMMAND_NAME)));
    }

    /** The step with the agent jar {@code agent} finds, printing commands that start with {@code go4j}. */
    RaceDemo(Supplier<Path> agent, String go4j) {
        this.agent = agent;
        this.go4j = go4j;
    }

    /** How to call go4j in a printed command: what the launcher says, else {@code go4j}. */
    static String commandName(String fromLauncher) {
        return fromLauncher == null || fromLauncher.isBlank() ? "go4j" : fromLauncher;
    }

    @Override public String name() { return "race"; }

    @Override public String title() { return "The race detector: the racy counter, then its two fixes (go4j run --race)"; }

    @Override
    public void run() throws Exception {
        Path agentJar = agent.get();
        String classPath = classPath(RacyCounter.class, Go.class);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        PrintStream out = System.out;
        List<String> wrong = new ArrayList<>();
        for (Program p : PROGRAMS) {
            List<String> args = List.of("--race", "-cp", classPath, p.main().getName());
            out.println("$ " + shellWords(go4j) + " run " + shellWords(args) + "    # " + p.says());
            out.flush();
            int status = runChild(RunArguments.parse(args).javaCommand(java, agentJar), out);
            out.println("exit status " + status);
            out.println();
            out.flush();
            if (status != p.expectedStatus()) {
                wrong.add(p.main().getSimpleName() + " exited " + status + ", expected " + p.expectedStatus());
            }
        }
        if (!wrong.isEmpty()) throw new IllegalStateException(String.join("; ", wrong));
    }

    /** {@code words} as a shell reads them back: each quoted when it holds anything but plain characters. */
    static String shellWords(List<String> words) {
        return words.stream().map(RaceDemo::shellWords).collect(Collectors.joining(" "));
    }

    private static String shellWords(String word) {
        return !word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Runs {@code cmd}, copying its standard output and error (merged, in order) to {@code out}; its exit status. */
    private static int runChild(List<String> cmd, PrintStream out) throws IOException, InterruptedException, TimeoutException {
        return new ChildProcess(cmd).run(out, CHILD_TIMEOUT);
    }

    /** The class path holding these classes (their jars or class directories), in this order. */
    private static String classPath(Class<?>... classes) {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : classes) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                if (source == null) throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from");
                String entry = Path.of(source.getLocation().toURI()).toString();
                if (!entries.contains(entry)) entries.add(entry);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
