package io.github.go4j.racesuite;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ground-truth runner: runs every program of packages {@code io.github.go4j.racesuite.race} and
 * {@code ...norace} in a JVM of its own under the race agent, classifies each by its exit status
 * (66: race reported, 0: silent, anything else: error; killed at the time limit: timeout), and prints
 * a table, precision and recall, and the line {@code groundtruth: N passed, M failed}.
 *
 * <pre>
 * GroundTruth [--agent JAR] [--agent-options OPTS] [--no-agent] [--jobs N] [--timeout SECONDS]
 *             [--java PATH] [--cp CLASSPATH] [--jvm OPTION]... [--verbose] [FILTER...]
 * </pre>
 *
 * A FILTER is {@code race}, {@code norace} or part of a program's name (case-insensitive); programs
 * matching any filter run. With {@code --no-agent} the programs run without the detector and each must
 * exit 0: that checks the programs themselves.
 *
 * <p>Exit status: 0 when precision is 100 %, recall at least 95 % and every NORACE program ended
 * normally (with {@code --no-agent}: when every program exited 0); 1 otherwise; 2 for a usage error.
 */
public final class GroundTruth {

    /** The agent jar as built by {@code mvn -pl go4j-race package}, relative to the repository root. */
    static final Path DEFAULT_AGENT = Path.of("go4j-race", "target", "go4j-race-agent.jar");
    /** Small, fast-starting children: the programs are tiny, the JVM start dominates. */
    static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dgo4j.panic=exit");
    private static final int OUTPUT_LINES_SHOWN = 80;

    private GroundTruth() {}

    /** The parsed command line. */
    record Options(Path agent, String agentOptions, boolean noAgent, int jobs, Duration timeout, Path java,
                   String classPath, List<String> jvmOptions, boolean verbose, List<String> filters) {

        static Options parse(String... args) {
            Path agent = DEFAULT_AGENT;
            String agentOptions = null;
            boolean noAgent = false;
            int jobs = 2;
            Duration timeout = Duration.ofSeconds(30);
            Path java = ChildJvm.currentJava();
            String cp = System.getProperty("java.class.path");
            List<String> jvm = new ArrayList<>();
            boolean verbose = false;
            List<String> filters = new ArrayList<>();
            Arguments in = new Arguments(args);
            while (in.hasNext()) {
                String a = in.next();
                switch (a) {
                    case "--agent" -> agent = Path.of(in.value(a));
                    case "--agent-options" -> agentOptions = in.value(a);
                    case "--no-agent" -> noAgent = true;
                    case "--jobs" -> jobs = in.positive(a);
                    case "--timeout" -> timeout = Duration.ofSeconds(in.positive(a));
                    case "--java" -> java = Path.of(in.value(a));
                    case "--cp" -> cp = in.value(a);
                    case "--jvm" -> jvm.add(in.value(a));
                    case "--verbose" -> verbose = true;
                    default -> filters.add(Arguments.plainWord(a));
                }
            }
            List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
            jvmOptions.addAll(jvm);
            return new Options(agent, agentOptions, noAgent, jobs, timeout, java, cp, List.copyOf(jvmOptions),
                    verbose, List.copyOf(filters));
        }
    }

    /** One program's run. */
    record Run(Program program, ChildJvm.Outcome outcome) {
        Verdict verdict() {
            return Verdict.of(outcome.exitStatus());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("groundtruth: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    /** Runs the selected programs and prints the report to {@code out}; returns the exit status. */
    static int run(Options options, PrintStream out) throws Exception {
        if (!options.noAgent() && !Files.isRegularFile(options.agent())) {
            out.println("groundtruth: agent not found: " + options.agent()
                    + " (build it: mvn -B -pl go4j-race -am package -DskipTests, or run with --no-agent)");
            return 2;
        }
        List<Program> programs = ProgramCatalog.all().stream()
                .filter(p -> options.filters().isEmpty() || options.filters().stream().anyMatch(p::matches))
                .toList();
        if (programs.isEmpty()) {
            out.println("groundtruth: no program matches " + options.filters());
            return 2;
        }
        ChildJvm jvm = new ChildJvm(options.java(), options.classPath(), null, null);
        if (!options.noAgent()) {
            jvm = jvm.withAgent(options.agent().toAbsolutePath(), options.agentOptions());
        }
        out.printf("groundtruth: %d programs, %s, %d at a time, %d s limit each%n", programs.size(),
                options.noAgent() ? "without the agent" : "agent " + options.agent(), options.jobs(),
                options.timeout().toSeconds());
        List<Run> runs = runAll(programs, jvm, options);
        return options.noAgent() ? reportWithoutAgent(runs, options, out) : reportWithAgent(runs, options, out);
    }

    private static List<Run> runAll(List<Program> programs, ChildJvm jvm, Options options) throws Exception {
        List<Future<Run>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.jobs())) {
            for (Program p : programs) {
                List<String> cmd = jvm.command(options.jvmOptions(), Launch.class.getName(), List.of(p.className()));
                futures.add(pool.submit(() -> new Run(p, jvm.run(cmd, options.timeout(), false))));
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> f : futures) {
                runs.add(f.get());
            }
            return runs;
        }
    }

    private static int reportWithAgent(List<Run> runs, Options options, PrintStream out) {
        Score score = new Score(0, 0, 0, 0, 0);
        List<Run> failed = new ArrayList<>();
        out.printf("%-48s %-7s %-10s %-6s %s%n", "program", "label", "verdict", "result", "time");
        for (Run r : runs) {
            Label label = r.program().label();
            Verdict verdict = r.verdict();
            boolean ok = verdict.matches(label);
            score = score.plus(label, verdict);
            if (!ok) {
                failed.add(r);
            }
            out.printf(Locale.ROOT, "%-48s %-7s %-10s %-6s %.2fs%n", r.program().shortName(), label,
                    describe(r), ok ? "ok" : "FAIL", r.outcome().elapsed().toMillis() / 1000.0);
        }
        printOutputs(options.verbose() ? runs : failed, out);
        out.println(score.summary());
        out.printf("groundtruth: %d passed, %d failed%n", runs.size() - failed.size(), failed.size());
        return score.meetsTarget() ? 0 : 1;
    }

    private static int reportWithoutAgent(List<Run> runs, Options options, PrintStream out) {
        List<Run> failed = new ArrayList<>();
        out.printf("%-48s %-7s %-10s %-6s %s%n", "program", "label", "exit", "result", "time");
        for (Run r : runs) {
            boolean ok = r.verdict() == Verdict.SILENT;
            if (!ok) {
                failed.add(r);
            }
            out.printf(Locale.ROOT, "%-48s %-7s %-10s %-6s %.2fs%n", r.program().shortName(), r.program().label(),
                    r.outcome().timedOut() ? "timeout" : r.outcome().exitStatus(), ok ? "ok" : "FAIL",
                    r.outcome().elapsed().toMillis() / 1000.0);
        }
        printOutputs(options.verbose() ? runs : failed, out);
        out.printf("groundtruth: %d passed, %d failed%n", runs.size() - failed.size(), failed.size());
        return failed.isEmpty() ? 0 : 1;
    }

    private static String describe(Run r) {
        return switch (r.verdict()) {
            case RACE, SILENT, TIMEOUT -> r.verdict().name();
            case ERROR -> "ERROR(" + r.outcome().exitStatus() + ")";
        };
    }

    private static void printOutputs(List<Run> runs, PrintStream out) {
        for (Run r : runs) {
            out.printf("---- %s (%s, %s) ----%n", r.program().shortName(), r.program().label(), describe(r));
            String[] lines = r.outcome().output().split("\n", -1);
            int shown = Math.min(lines.length, OUTPUT_LINES_SHOWN);
            for (int i = 0; i < shown; i++) {
                out.println(lines[i]);
            }
            if (lines.length > shown) {
                out.printf("... (%d more lines)%n", lines.length - shown);
            }
        }
    }
}
