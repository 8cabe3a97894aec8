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
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The tour's race-detector step: the seed's racy counter, then its two fixes, each in a JVM of its own
 * under the agent, as {@code go4j run --race} runs a program. Shows each program's output (the race
 * report included) and exit status; fails, naming it, when one does not exit as it should (66 for the
 * racy counter, 0 for the fixes) or when the agent jar is not built.
 */
final class RaceDemo implements Example {

    /** One program of the step: its main class and the exit status it must end with. */
    record Program(Class<?> main, int expectedStatus, String says) {}

    static final List<Program> PROGRAMS = List.of(
            new Program(RacyCounter.class, 66, "ten goroutines do counter++ on a plain field: the detector reports the race, the program exits 66"),
            new Program(MutexCounter.class, 0, "the same counter under a Mutex: no report, exit 0"),
            new Program(AtomicCounter.class, 0, "the same counter as an AtomicLong: no report, exit 0"));

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<Optional<Path>> home;

    RaceDemo() {
        this(ProjectHome::find);
    }

    RaceDemo(Supplier<Optional<Path>> home) {
        this.home = home;
    }

    @Override public String name() { return "race"; }

    @Override public String title() { return "The race detector: the racy counter, then its two fixes (go4j run --race)"; }

    @Override
    public void run() throws Exception {
        Path agent = RunCommand.agentJar(home.get());
        String classPath = classPath(RacyCounter.class, Go.class);
        PrintStream out = System.out;
        List<String> wrong = new ArrayList<>();
        for (Program p : PROGRAMS) {
            out.println("$ go4j run --race " + p.main().getName() + "    # " + p.says());
            out.flush();
            List<String> cmd = List.of(RunCommand.java().toString(), "-javaagent:" + agent, "-cp", classPath, p.main().getName());
            int status = runChild(cmd, out);
            out.println("exit status " + status);
            out.println();
            out.flush();
            if (status != p.expectedStatus()) {
                wrong.add(p.main().getSimpleName() + " exited " + status + ", expected " + p.expectedStatus());
            }
        }
        if (!wrong.isEmpty()) throw new IllegalStateException(String.join("; ", wrong));
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
