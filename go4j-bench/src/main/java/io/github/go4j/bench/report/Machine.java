package io.github.go4j.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What produced a report's figures: the machine, the toolchains, when, and the exact commands.
 *
 * @param cores {@code nproc}
 * @param cpu the CPU model from /proc/cpuinfo
 * @param jdk the JDK the benchmarks ran on
 * @param go {@code go version}, or "not run"
 * @param date when the run ended (UTC, to the second)
 * @param command the command the user typed
 * @param jmhCommand the JMH child process's command line
 * @param goCommand the Go twins' command line, or "" when they did not run
 * @param quick whether this was the short smoke-test pass
 */
record Machine(int cores, String cpu, String jdk, String go, Instant date, String command, String jmhCommand,
               String goCommand, boolean quick) {

    /** Detects this machine's cores, CPU and JDK; the rest is given. */
    static Machine detect(String go, String command, String jmhCommand, String goCommand, boolean quick) {
        return new Machine(detectCores(), detectCpu(), System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                go, Instant.now().truncatedTo(ChronoUnit.SECONDS), command, jmhCommand, goCommand, quick);
    }

    /** The same, with the date the measurements were taken (a report rebuilt later keeps it). */
    Machine ranAt(Instant when) {
        return new Machine(cores, cpu, jdk, go, when, command, jmhCommand, goCommand, quick);
    }

    private static int detectCores() {
        String out = firstLineOf(List.of("nproc"));
        try {
            return out == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(out.strip());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static String detectCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + " (CPU model unknown)";
    }

    /** The first line a short command prints, or null when it cannot run. */
    static String firstLineOf(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out.lines().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
