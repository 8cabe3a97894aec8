package io.github.go4j.bench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./go4j bench} runs: the JMH benchmarks in a child JVM, then the Go twins, with one progress
 * line per benchmark finished; then it prints the table and writes {@code bench/report.md} and
 * {@code bench/report.svg} (raw output in {@code bench/raw/}; a run with {@code --filter} writes its raw
 * output and its report to {@code bench/raw/filtered/}, as {@code report-filtered.md} and {@code .svg}, and
 * leaves the whole run's alone). It builds nothing: the benchmark jar must exist.
 *
 * <p>Options: {@code --quick} (a short smoke-test pass), {@code --filter REGEX} (the JMH benchmarks whose
 * full name matches, e.g. {@code PingPong} or {@code go4j$}; Go twins run for the workloads those touch),
 * {@code --home DIR} (the repository root; default $GO4J_HOME, else the current directory), {@code --command
 * TEXT} (the command to name in the report), {@code --no-go}, and {@code --report-only} (rebuild the report
 * from bench/raw without running anything).
 *
 * <p>Exit status: 0 when the report was written, 1 when JMH could not run or produced nothing, 2 on a
 * usage error.
 */
public final class BenchRunner {

    /** Virtual-thread carriers and GOMAXPROCS alike: the development machine's 2 cores. */
    static final int PARALLELISM = 2;

    private static final String PACKAGE = "io.github.go4j.bench.";
    private static final Pattern RESULT = Pattern.compile("^Result \"(.+)\":$");
    private static final Pattern SCORE = Pattern.compile("^\\s*([0-9.,]+|≈ ?[0-9.eE-]+)[^a-z]*([a-z]+/op).*$");

    private final PrintStream out;
    private boolean quick;
    private String filter;
    private Path home;
    private String command;
    private boolean runGo = true;
    private boolean reportOnly;

    BenchRunner(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new BenchRunner(System.out).run(args));
    }

    int run(String[] args) {
        try {
            if (!parse(args)) return 2;
            return runAll();
        } catch (IOException e) {
            out.println("go4j bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("go4j bench: interrupted");
            return 1;
        }
    }

    private boolean parse(String[] args) {
        String env = System.getenv("GO4J_HOME");
        home = Path.of(env != null && !env.isBlank() ? env : ".").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-go" -> runGo = false;
                case "--report-only" -> reportOnly = true;
                case "--filter", "--home", "--command" -> {
                    if (i + 1 >= args.length) {
                        out.println("go4j bench: " + args[i] + " needs a value");
                        return false;
                    }
                    String v = args[++i];
                    switch (args[i - 1]) {
                        case "--filter" -> filter = v;
                        case "--home" -> home = Path.of(v).toAbsolutePath().normalize();
                        default -> command = v;
                    }
                }
                default -> {
                    out.println("go4j bench: unknown option " + args[i]
                            + " (use --quick, --filter REGEX, --no-go, --report-only, --home DIR, --command TEXT)");
                    return false;
                }
            }
        }
        if (filter != null) {
            try {
                Pattern.compile(filter);
            } catch (RuntimeException e) {
                out.println("go4j bench: --filter is not a regular expression: " + e.getMessage());
                return false;
            }
        }
        if (command == null) {
            command = "./go4j bench" + (quick ? " --quick" : "") + (filter != null ? " --filter '" + filter + "'" : "");
        }
        return true;
    }

    private int runAll() throws IOException, InterruptedException {
        Path jar = home.resolve("go4j-bench/target/benchmarks.jar");
        // a filtered run is a probe: its raw output and report must not replace those of a whole run
        Path raw = home.resolve(filter == null ? "bench/raw" : "bench/raw/filtered");
        Path jmhJson = raw.resolve("jmh.json");
        Path goOut = raw.resolve("go.txt");
        Path commands = raw.resolve("commands.txt");
        Files.createDirectories(raw);
        String jmhCommandLine;
        String goCommandLine = "";
        String goVersion = "not run";
        Instant ranAt = null;
        List<String> failures = new ArrayList<>();
        if (reportOnly) {
            if (!Files.exists(jmhJson)) {
                out.println("go4j bench: no " + home.relativize(jmhJson) + " to report on: run ./go4j bench first");
                return 1;
            }
            List<String> saved = Files.exists(commands) ? Files.readAllLines(commands) : List.of();
            jmhCommandLine = saved.size() > 0 ? saved.get(0) : "(unknown)";
            goCommandLine = saved.size() > 1 ? saved.get(1) : "";
            goVersion = saved.size() > 2 ? saved.get(2) : "not run";
            command = saved.size() > 3 ? saved.get(3) : command;
            quick = saved.size() > 4 && Boolean.parseBoolean(saved.get(4));
            ranAt = saved.size() > 5 ? Instant.parse(saved.get(5)) : null;
        } else {
            if (!Files.isRegularFile(jar)) {
                out.println("go4j bench: " + jar + " is missing. Build it first: ./go4j builds everything,"
                        + " or mvn -pl go4j-bench -am package -DskipTests");
                return 1;
            }
            String java = javaExecutable();
            String regex = filter != null ? filter : PACKAGE;
            List<String> names = listBenchmarks(java, jar, regex);
            if (names.isEmpty()) {
                out.println("go4j bench: no JMH benchmark matches " + regex);
                return 1;
            }
            Settings s = quick ? Settings.QUICK : Settings.FULL;
            int goCount = runGo ? goTwins(names).size() : 0;
            out.printf("go4j bench: %d JMH benchmarks%s, %s; about %d min%n", names.size(),
                    runGo ? " and " + goCount + " Go twins" : "", quick ? "quick pass" : "full run",
                    Math.max(1, Math.round((names.size() * s.secondsPerJmhBenchmark() + goCount * s.secondsPerGoTwin()) / 60.0)));
            List<String> jmh = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString(), regex));
            jmh.addAll(s.jmhOptions());
            jmh.addAll(List.of("-jvmArgsAppend", "-Djdk.virtualThreadScheduler.parallelism=" + PARALLELISM
                    + " --sun-misc-unsafe-memory-access=allow", "-rf", "json", "-rff", jmhJson.toString()));
            jmhCommandLine = shellLine(jmh).replace(java, "$JAVA_HOME/bin/java").replace(home + "/", "");
            Files.deleteIfExists(jmhJson);
            int status = runJmh(jmh, raw.resolve("jmh.log"), names.size(), failures);
            if (!Files.exists(jmhJson)) {
                out.println("go4j bench: JMH exited " + status + " without results; see " + home.relativize(raw.resolve("jmh.log")));
                return 1;
            }
            if (runGo && goCount > 0) {
                GoToolchain go = GoToolchain.find(out, raw.resolve("go-install.log"));
                if (go == null) {
                    out.println("go4j bench: no Go toolchain: the Go column stays empty");
                } else {
                    goVersion = go.version();
                    List<String> goCmd = new ArrayList<>(List.of(go.executable(), "test", "-run", "^$", "-bench",
                            "^Benchmark(" + String.join("|", goTwins(names)) + ")$"));
                    goCmd.addAll(s.goOptions());
                    goCommandLine = "GOMAXPROCS=" + PARALLELISM + " " + shellLine(goCmd).replace(go.executable(), "go");
                    int goStatus = go.runBenchmarks(goCmd, home.resolve("go4j-bench/go"), goOut, PARALLELISM, this::goProgress);
                    if (goStatus != 0) out.println("go4j bench: go test exited " + goStatus + "; see " + home.relativize(goOut));
                }
            } else {
                Files.deleteIfExists(goOut);
            }
            ranAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Files.write(commands, List.of(jmhCommandLine, goCommandLine, goVersion, command, Boolean.toString(quick),
                    ranAt.toString()));
        }

        List<Result> results = new ArrayList<>(JmhResults.parse(Files.readString(jmhJson)));
        if (Files.exists(goOut)) results.addAll(GoResults.parse(Files.readString(goOut)));
        ResultTable table = ResultTable.of(results);
        Machine machine = Machine.detect(goVersion, command, jmhCommandLine, goCommandLine, quick);
        if (ranAt != null) machine = machine.ranAt(ranAt);
        Path reports = filter == null ? home.resolve("bench") : raw;
        Path md = reports.resolve(filter == null ? "report.md" : "report-filtered.md");
        Path svg = reports.resolve(filter == null ? "report.svg" : "report-filtered.svg");
        Files.writeString(md, MarkdownReport.render(table, machine, failures));
        Files.writeString(svg, SvgChart.render(table, machine));
        out.println();
        out.print(TextTable.plain(table));
        out.println("ns per unit, medians; ratio = go4j / other (<= 1.00: go4j at least as fast)");
        if (table.hooks != null) {
            out.printf("event SPI hook with no listener: %s ns per call%n", ResultTable.ns(table.hooks.perHookNs()));
        }
        if (!failures.isEmpty()) out.println("failed: " + String.join(", ", failures));
        out.println("wrote " + home.relativize(md) + " and " + home.relativize(svg));
        return 0;
    }

    /** The Go twins of the workloads that the selected JMH benchmarks measure. */
    static List<String> goTwins(List<String> jmhNames) {
        Set<String> twins = new LinkedHashSet<>();
        for (Workload w : Workload.ALL) {
            String cls = w.jmhKey().replaceFirst("\\[.*$", "");
            String param = w.jmhKey().contains("[") ? w.jmhKey().replaceFirst("^.*\\[(.*)]$", "$1") : null;
            for (String n : jmhNames) {
                if (!n.startsWith(PACKAGE + cls + ".")) continue;
                if (param == null || !n.contains(" ") || n.endsWith(" " + param)) twins.add(w.goName());
            }
        }
        return new ArrayList<>(twins);
    }

    private String javaExecutable() {
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
            return Path.of(javaHome, "bin", "java").toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The benchmarks {@code regex} selects, one entry per trial: {@code name} or {@code name param=value} for
     * each value of a parameter (the benchmarks here have at most one parameter).
     */
    private List<String> listBenchmarks(String java, Path jar, String regex) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString(), "-lp", regex)
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return trialsOf(text);
    }

    /** Parses {@code -lp} output into trials. */
    static List<String> trialsOf(String listing) {
        List<String> trials = new ArrayList<>();
        String current = null;
        boolean expanded = false;
        Pattern param = Pattern.compile("^\\s+param \"(\\w+)\" = \\{(.*)}$");
        for (String line : listing.split("\\R")) {
            if (line.startsWith(PACKAGE)) {
                if (current != null && !expanded) trials.add(current);
                current = line.strip();
                expanded = false;
            } else if (current != null) {
                Matcher m = param.matcher(line);
                if (m.matches()) {
                    for (String v : m.group(2).split(",\\s*")) trials.add(current + " " + m.group(1) + "=" + v);
                    expanded = true;
                }
            }
        }
        if (current != null && !expanded) trials.add(current);
        return trials;
    }

    private int runJmh(List<String> cmd, Path log, int total, List<String> failures) throws IOException, InterruptedException {
        int[] done = {0};
        String[] current = {null, ""};
        boolean[] expectScore = {false};
        Consumer<String> progress = line -> {
            if (line.startsWith("# Benchmark: ")) {
                current[0] = line.substring("# Benchmark: ".length()).replace(PACKAGE, "");
                current[1] = "";
            } else if (line.startsWith("# Parameters: ")) {
                current[1] = " " + line.substring("# Parameters: ".length());
            } else if (RESULT.matcher(line).matches()) {
                expectScore[0] = true;
            } else if (expectScore[0]) {
                expectScore[0] = false;
                Matcher m = SCORE.matcher(line);
                done[0]++;
                out.printf("[%d/%d] %-58s %s%n", done[0], total, current[0] + current[1],
                        m.matches() ? m.group(1) + " " + m.group(2) : line.strip());
            } else if (line.contains("<failure>") && current[0] != null && !failures.contains(current[0] + current[1])) {
                done[0]++;
                failures.add(current[0] + current[1]);
                out.printf("[%d/%d] %-58s FAILED (see %s)%n", done[0], total, current[0] + current[1], log);
            }
        };
        return runLogged(cmd, null, Map.of(), log, progress);
    }

    private void goProgress(String line) {
        Map.Entry<String, Double> e = GoResults.parseLine(line);
        if (e != null) out.printf("[go] %-56s %s ns%n", e.getKey(), ResultTable.ns(e.getValue()));
    }

    /** Runs a child process, copying its output (stdout and stderr) to {@code log} and each line to {@code onLine}. */
    static int runLogged(List<String> cmd, Path dir, Map<String, String> env, Path log, Consumer<String> onLine)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) pb.directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(log)) {
            String line;
            while ((line = r.readLine()) != null) {
                w.write(line);
                w.write('\n');
                onLine.accept(line);
            }
        } finally {
            if (p.isAlive()) p.destroy();
        }
        return p.waitFor();
    }

    /** A command line as a shell would take it (arguments with spaces or metacharacters single-quoted). */
    static String shellLine(List<String> cmd) {
        StringBuilder sb = new StringBuilder();
        for (String a : cmd) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(a.matches("[A-Za-z0-9_./=:,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** How long and how often to measure. */
    record Settings(List<String> jmhOptions, List<String> goOptions, double secondsPerJmhBenchmark, double secondsPerGoTwin) {
        /** One fork, one 1 s warm-up, two 1 s iterations; Go: one 0.5 s run. */
        static final Settings QUICK = new Settings(
                List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s", "-bm", "avgt", "-tu", "ns"),
                List.of("-benchtime", "0.5s", "-count", "1"), 5, 1.5);
        /** Two forks, three 1 s warm-ups and five 1 s iterations each (median of ten); Go: five 1 s runs. */
        static final Settings FULL = new Settings(
                List.of("-f", "2", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s", "-bm", "avgt", "-tu", "ns"),
                List.of("-benchtime", "1s", "-count", "5"), 19, 9);
    }
}
