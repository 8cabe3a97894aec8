package io.github.go4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code go4j bench [--quick] [--filter REGEX] [--no-go] [--report-only]}: the benchmark suite of go4j-bench beside its peers (jox,
 * java.util.concurrent, JCTools) and its Go twins, ending in one table and {@code bench/report.md} plus
 * {@code bench/report.svg}.
 *
 * <p>It builds nothing (the {@code ./go4j} launcher already did): it runs the report runner from
 * {@code go4j-bench/target/benchmarks.jar} in a child JVM, which runs JMH in a child JVM of its own and then
 * {@code go test -bench} (installing Go with apt-get when it is missing), printing one line per benchmark
 * finished. The runner lives in go4j-bench, beside the benchmarks, so that this module needs neither JMH
 * nor the peers. Exit code: the runner's (0 report written, 1 failed, 2 usage error).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Runs the benchmarks: go4j beside jox, java.util.concurrent, JCTools and the Go twins.",
            "Prints one table (ns per op, go4j's ratio to Go and to the best peer) and writes bench/report.md and "
                    + "bench/report.svg. A full run takes about 20 minutes on 2 cores, --quick about 5."
        })
final class BenchCommand implements Callable<Integer> {

    static final String RUNNER = "io.github.go4j.bench.report.BenchRunner";

    @Option(names = "--quick", description = "a short pass for a smoke test (one fork, 1 s iterations; Go -benchtime=0.5s)")
    private boolean quick;

    @Option(names = "--filter", paramLabel = "REGEX",
            description = "only the JMH benchmarks whose full name matches (e.g. PingPong, 'go4j$'); the Go twins of their workloads")
    private String filter;

    @Option(names = "--no-go", description = "skip the Go twins (the Go column stays empty)")
    private boolean noGo;

    @Option(names = "--report-only", description = "rebuild the table, report.md and report.svg from bench/raw without running anything")
    private boolean reportOnly;

    /** The child command line: the runner on the benchmark jar, for the checkout at {@code home}. */
    List<String> runnerCommand(Path home, String java) {
        List<String> command = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow", "-cp",
                home.resolve("go4j-bench/target/benchmarks.jar").toString(), RUNNER, "--home", home.toString()));
        if (quick) command.add("--quick");
        if (noGo) command.add("--no-go");
        if (reportOnly) command.add("--report-only");
        if (filter != null) {
            command.add("--filter");
            command.add(filter);
        }
        return command;
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<Path> root = ProjectHome.find();
        if (root.isEmpty()) {
            System.err.println("go4j bench: " + ProjectHome.missing("bench"));
            return 1;
        }
        Path home = root.get().toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("go4j-bench/target/benchmarks.jar"))) {
            System.err.println("go4j bench: " + home.resolve("go4j-bench/target/benchmarks.jar") + " is missing; run ./go4j bench"
                    + " (the launcher builds it) or mvn -B -pl go4j-bench -am package -DskipTests");
            return 1;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            return new ChildProcess(runnerCommand(home, java)).directory(home).run();
        } catch (IOException e) {
            System.err.println("go4j bench: cannot start " + java + ": " + e.getMessage());
            return 1;
        }
    }
}
