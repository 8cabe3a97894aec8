package io.github.go4j.racesuite;

import io.github.go4j.racesuite.overhead.BankTransfers;
import io.github.go4j.racesuite.overhead.ChannelPipeline;
import io.github.go4j.racesuite.overhead.MatrixMultiply;
import io.github.go4j.racesuite.overhead.VirtualFanOut;
import io.github.go4j.racesuite.overhead.WordCount;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The overhead runner: runs each realistic program of package {@code io.github.go4j.racesuite.overhead}
 * with and without the race agent, alternately, {@code --reps} times each, and reports the median wall
 * time and the median peak RSS of each, their ratios, and the geometric means of the ratios, as a
 * Markdown table printed and written to {@code --out}.
 *
 * <pre>
 * Overhead [--agent JAR] [--agent-options OPTS] [--reps N] [--out FILE] [--timeout SECONDS]
 *          [--java PATH] [--cp CLASSPATH] [--jvm OPTION]... [FILTER...]
 * </pre>
 *
 * Wall time is the whole child JVM's, start-up included, measured by this runner; peak memory is the
 * child's maximum resident set size (see {@link ChildJvm}). Exit status 0 when every run ended with
 * status 0 (a race report on these race-free programs, status 66, is a failure), 1 otherwise, 2 for a
 * usage error.
 */
public final class Overhead {

    /** One realistic program. */
    record Workload(Class<?> main, String what) {}

    static final List<Workload> WORKLOADS = List.of(
            new Workload(MatrixMultiply.class, "1024² double matrix multiply, 4 platform threads over row blocks"),
            new Workload(WordCount.class, "8M-word count, 64 executor tasks into a ConcurrentHashMap"),
            new Workload(BankTransfers.class, "40M transfers among 1000 accounts, ReentrantLock each, 4 threads"),
            new Workload(ChannelPipeline.class, "1M items through a 3-stage go4j channel pipeline"),
            new Workload(VirtualFanOut.class, "fan-out over 100k virtual threads joined by a CountDownLatch"));

    /** Slowdown and memory targets of the issue (geometric means). */
    static final double TARGET_SLOWDOWN = 5.0;
    static final double TARGET_MEMORY = 5.0;

    private Overhead() {}

    record Options(Path agent, String agentOptions, int reps, Path out, Duration timeout, Path java,
                   String classPath, List<String> jvmOptions, List<String> filters, String commandLine) {

        static Options parse(String... args) {
            Path agent = GroundTruth.DEFAULT_AGENT;
            String agentOptions = null;
            int reps = 3;
            Path out = Path.of("go4j-race-suite", "target", "race-overhead.md");
            Duration timeout = Duration.ofSeconds(300);
            Path java = ChildJvm.currentJava();
            String cp = System.getProperty("java.class.path");
            List<String> jvm = new ArrayList<>(List.of("-Dgo4j.panic=exit"));
            List<String> filters = new ArrayList<>();
            Arguments in = new Arguments(args);
            while (in.hasNext()) {
                String a = in.next();
                switch (a) {
                    case "--agent" -> agent = Path.of(in.value(a));
                    case "--agent-options" -> agentOptions = in.value(a);
                    case "--reps" -> reps = in.positive(a);
                    case "--out" -> out = Path.of(in.value(a));
                    case "--timeout" -> timeout = Duration.ofSeconds(in.positive(a));
                    case "--java" -> java = Path.of(in.value(a));
                    case "--cp" -> cp = in.value(a);
                    case "--jvm" -> jvm.add(in.value(a));
                    default -> filters.add(Arguments.plainWord(a));
                }
            }
            return new Options(agent, agentOptions, reps, out, timeout, java, cp, List.copyOf(jvm),
                    List.copyOf(filters), String.join(" ", args));
        }
    }

    /** Medians of one workload, with and without the agent; a failed run leaves its failure instead. */
    record Measurement(Workload workload, Duration plainTime, Duration agentTime, OptionalLong plainRss,
                       OptionalLong agentRss, String failure) {

        double slowdown() {
            return (double) agentTime.toNanos() / plainTime.toNanos();
        }

        /** The peak-RSS ratio, absent when the RSS could not be measured. */
        OptionalDouble memory() {
            return plainRss.isPresent() && agentRss.isPresent()
                    ? OptionalDouble.of((double) agentRss.getAsLong() / plainRss.getAsLong())
                    : OptionalDouble.empty();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("overhead: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    static int run(Options options, PrintStream out) throws Exception {
        if (!Files.isRegularFile(options.agent())) {
            out.println("overhead: agent not found: " + options.agent()
                    + " (build it: mvn -B -pl go4j-race -am package -DskipTests)");
            return 2;
        }
        List<Workload> selected = WORKLOADS.stream()
                .filter(w -> options.filters().isEmpty() || options.filters().stream().anyMatch(
                        f -> w.main().getSimpleName().toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))))
                .toList();
        if (selected.isEmpty()) {
            out.println("overhead: no program matches " + options.filters());
            return 2;
        }
        ChildJvm plain = new ChildJvm(options.java(), options.classPath(), null, null);
        ChildJvm detected = plain.withAgent(options.agent().toAbsolutePath(), options.agentOptions());
        List<Measurement> results = new ArrayList<>();
        for (Workload w : selected) {
            out.printf("overhead: %s, %d runs with and %d without the agent...%n",
                    w.main().getSimpleName(), options.reps(), options.reps());
            results.add(measure(w, plain, detected, options, out));
        }
        String table = markdown(results, options);
        out.println();
        out.print(table);
        Path file = options.out();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, table, StandardCharsets.UTF_8);
        out.println("overhead: written to " + file);
        return results.stream().allMatch(m -> m.failure() == null) ? 0 : 1;
    }

    private static Measurement measure(Workload w, ChildJvm plain, ChildJvm detected, Options options,
                                       PrintStream out) throws InterruptedException {
        long[] plainNanos = new long[options.reps()];
        long[] agentNanos = new long[options.reps()];
        long[] plainKib = new long[options.reps()];
        long[] agentKib = new long[options.reps()];
        for (int r = 0; r < options.reps(); r++) {
            for (boolean withAgent : new boolean[] {false, true}) {
                ChildJvm jvm = withAgent ? detected : plain;
                ChildJvm.Outcome o = jvm.run(jvm.command(options.jvmOptions(), w.main().getName(), List.of()),
                        options.timeout(), true);
                if (o.timedOut() || o.exitStatus() != 0) {
                    String why = (withAgent ? "with" : "without") + " the agent: "
                            + (o.timedOut() ? "killed after " + options.timeout().toSeconds() + " s"
                                    : "exit status " + o.exitStatus());
                    out.println("overhead: " + w.main().getSimpleName() + " failed " + why);
                    out.println(tail(o.output(), 40));
                    return new Measurement(w, null, null, OptionalLong.empty(), OptionalLong.empty(), why);
                }
                (withAgent ? agentNanos : plainNanos)[r] = o.elapsed().toNanos();
                (withAgent ? agentKib : plainKib)[r] = o.peakRssKib().orElse(-1);
            }
        }
        return new Measurement(w, Duration.ofNanos(median(plainNanos)), Duration.ofNanos(median(agentNanos)),
                medianKib(plainKib), medianKib(agentKib), null);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static OptionalLong medianKib(long[] kib) {
        return Arrays.stream(kib).anyMatch(v -> v < 0) ? OptionalLong.empty() : OptionalLong.of(median(kib));
    }

    static double geometricMean(List<Double> ratios) {
        return Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
    }

    private static String markdown(List<Measurement> results, Options options) {
        StringBuilder md = new StringBuilder();
        md.append("| program | workload | time without | time with | slowdown | peak RSS without | peak RSS with | memory |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        List<Double> slowdowns = new ArrayList<>();
        List<Double> memories = new ArrayList<>();
        for (Measurement m : results) {
            String name = m.workload().main().getSimpleName();
            if (m.failure() != null) {
                md.append(String.format(Locale.ROOT, "| %s | %s | failed %s | | | | | |%n", name, m.workload().what(), m.failure()));
                continue;
            }
            slowdowns.add(m.slowdown());
            OptionalDouble mem = m.memory();
            mem.ifPresent(memories::add);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f s | %.2f s | %.2f× | %s | %s | %s |%n",
                    name, m.workload().what(), seconds(m.plainTime()), seconds(m.agentTime()), m.slowdown(),
                    mib(m.plainRss()), mib(m.agentRss()), mem.isPresent() ? String.format(Locale.ROOT, "%.2f×", mem.getAsDouble()) : "n/a"));
        }
        md.append(String.format(Locale.ROOT, "| **geometric mean** | | | | **%s** | | | **%s** |%n",
                slowdowns.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f×", geometricMean(slowdowns)),
                memories.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f×", geometricMean(memories))));
        md.append('\n');
        md.append(String.format(Locale.ROOT,
                "Median of %d runs each, with and without the agent alternately; wall time of the whole JVM "
                        + "(start-up included); peak RSS = the child's maximum resident set size (%s). "
                        + "Targets: slowdown ≤ %.0f×, memory ≤ %.0f× (geometric means).%n%n",
                options.reps(), Files.isExecutable(Path.of("/usr/bin/time")) ? "GNU time %M" : "VmHWM sampled every 10 ms",
                TARGET_SLOWDOWN, TARGET_MEMORY));
        md.append(String.format(Locale.ROOT, "Machine: %s, %d cores, %s RAM; %s %s; %s.%n",
                cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("java.vm.name"), Runtime.version(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        md.append("Command: `go4j-race-suite/overhead").append(options.commandLine().isEmpty() ? "" : " " + options.commandLine())
                .append("`\n");
        return md.toString();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String mib(OptionalLong kib) {
        return kib.isPresent() ? String.format(Locale.ROOT, "%.0f MiB", kib.getAsLong() / 1024.0) : "n/a";
    }

    private static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static String memTotal() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(v.replace("kB", "").strip()) / 1048576.0))
                .orElse("unknown");
    }

    private static Optional<String> procLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
