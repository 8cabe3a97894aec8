package io.github.go4j.racesuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program in a JVM of its own, optionally under the race agent, with a time limit, and
 * collects its exit status, its output (stdout and stderr interleaved) and, on request, its peak memory.
 *
 * <p>Peak memory is the child's maximum resident set size. It is taken from GNU time
 * ({@code /usr/bin/time -f %M}, which reads the kernel's {@code ru_maxrss} of the exited child) when
 * that binary exists; otherwise it is sampled from {@code VmHWM} in {@code /proc/<pid>/status} every
 * 10 ms while the child runs (the kernel's high-water mark, so only the growth after the last sample
 * is missed).
 *
 * @param java        the {@code java} launcher to run
 * @param classPath   the child's class path
 * @param agent       the agent jar, or {@code null} to run without it
 * @param agentOptions the agent's options ({@code -javaagent:jar=options}), or {@code null}
 */
public record ChildJvm(Path java, String classPath, Path agent, String agentOptions) {

    /** GNU time, when installed: it measures the child's peak RSS exactly. */
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    public ChildJvm {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
    }

    /** The {@code java} of the JVM running this code. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * How a child ended.
     *
     * @param exitStatus the exit status, or {@code null} when it was killed for exceeding the time limit
     * @param output     what it printed, stdout and stderr interleaved
     * @param elapsed    wall time from start to exit (or to the kill)
     * @param peakRssKib the peak resident set size in KiB, when measured
     */
    public record Outcome(Integer exitStatus, String output, Duration elapsed, OptionalLong peakRssKib) {
        public boolean timedOut() {
            return exitStatus == null;
        }
    }

    /** The same JVM settings with another agent (or none). */
    public ChildJvm withAgent(Path agentJar, String options) {
        return new ChildJvm(java, classPath, agentJar, options);
    }

    /** The command line that runs {@code mainClass}: the JVM options, then the class and its arguments. */
    public List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        if (agent != null) {
            cmd.add("-javaagent:" + agent + (agentOptions == null || agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code command} (from {@link #command}) and waits at most {@code limit}; a child still running then
     * is killed with its descendants. With {@code measureMemory} the peak RSS is measured too.
     */
    public Outcome run(List<String> command, Duration limit, boolean measureMemory) throws InterruptedException {
        Path outputFile = null;
        Path timeFile = null;
        try {
            outputFile = Files.createTempFile("go4j-race-suite-", ".out");
            List<String> cmd = command;
            boolean gnuTime = measureMemory && Files.isExecutable(GNU_TIME);
            if (gnuTime) {
                timeFile = Files.createTempFile("go4j-race-suite-", ".time");
                cmd = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%M", "-o", timeFile.toString()));
                cmd.addAll(command);
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(outputFile.toFile());
            long start = System.nanoTime();
            Process process = pb.start();
            long sampledPeak = 0;
            boolean exited;
            if (measureMemory && !gnuTime) {
                long deadline = start + limit.toNanos();
                while (!(exited = process.waitFor(10, TimeUnit.MILLISECONDS)) && System.nanoTime() < deadline) {
                    sampledPeak = Math.max(sampledPeak, highWaterMarkKib(process.pid()));
                }
            } else {
                exited = process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!exited) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String output = Files.readString(outputFile, StandardCharsets.UTF_8);
            OptionalLong peak = OptionalLong.empty();
            if (exited && gnuTime) {
                peak = parseGnuTime(Files.readString(timeFile, StandardCharsets.UTF_8));
            } else if (measureMemory && sampledPeak > 0) {
                peak = OptionalLong.of(sampledPeak);
            }
            return new Outcome(exited ? process.exitValue() : null, output, elapsed, peak);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(outputFile);
            deleteQuietly(timeFile);
        }
    }

    /** GNU time writes the %M figure on the last line (after a "Command exited ..." line when it failed). */
    private static OptionalLong parseGnuTime(String text) {
        String[] lines = text.strip().split("\n");
        try {
            return OptionalLong.of(Long.parseLong(lines[lines.length - 1].strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static long highWaterMarkKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process has just exited, or there is no /proc: no sample
        }
        return 0;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
