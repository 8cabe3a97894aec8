package io.github.go4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A program that a go4j command starts and waits for: {@code go4j test} runs Maven, {@code go4j bench} the
 * benchmark runner, {@code go4j run} the user's program when no launcher can take its place, the demo's race
 * step its three programs. The program either shares go4j's standard input, output and error, or has its
 * output and error copied, line by line and in order, to a stream. Its exit status is returned.
 *
 * <p>It never outlives the go4j command that started it: when the wait is interrupted or times out, and
 * when go4j's JVM exits (normally, on Ctrl-C, on SIGTERM: a shutdown hook), the program and every process
 * it started are stopped (SIGTERM, then SIGKILL after {@value #GRACE_SECONDS} s). Only SIGKILL to go4j's own
 * JVM runs no Java code at all; that is why the launchers {@code exec} the program of {@code go4j run}.
 */
final class ChildProcess {

    static final int GRACE_SECONDS = 5;

    private static final Duration GRACE = Duration.ofSeconds(GRACE_SECONDS);

    private final ProcessBuilder builder;

    /** The program {@code command} (its path or name on PATH, then its arguments), in go4j's directory and environment. */
    ChildProcess(List<String> command) {
        this.builder = new ProcessBuilder(List.copyOf(command));
    }

    /** Runs it in {@code dir} instead of go4j's working directory; returns this. */
    ChildProcess directory(Path dir) {
        builder.directory(dir.toFile());
        return this;
    }

    /** Gives it {@code name=value} unless go4j's own environment has {@code name}; returns this. */
    ChildProcess environmentDefault(String name, String value) {
        builder.environment().putIfAbsent(name, value);
        return this;
    }

    /** The program: the first word of the command. */
    String program() {
        return builder.command().getFirst();
    }

    /**
     * Runs it with go4j's standard input, output and error, and waits for it to end.
     *
     * @return its exit status (128 + the signal's number when a signal ended it)
     * @throws IOException when it cannot be started (no such program, not executable)
     * @throws InterruptedException when the wait was interrupted; the program has been stopped
     */
    int run() throws IOException, InterruptedException {
        Process p = builder.inheritIO().start();
        return ChildProcess.<RuntimeException>supervise(p, p::waitFor);
    }

    /**
     * Runs it with no input, copies its output and error (merged, line by line) to {@code out}, and waits at
     * most {@code timeout} for it to end.
     *
     * @return its exit status
     * @throws IOException when it cannot be started
     * @throws InterruptedException when the wait was interrupted; the program has been stopped
     * @throws TimeoutException when it did not end within {@code timeout}; it has been stopped
     */
    int run(PrintStream out, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        Process p = builder.redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true).start();
        p.getOutputStream().close();
        Thread copier = Thread.ofVirtual().name("go4j: output of " + program()).start(() -> copy(p, out));
        return ChildProcess.<TimeoutException>supervise(p, () -> {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                copier.join(GRACE);
                throw new TimeoutException(String.join(" ", builder.command()) + " did not end within " + timeout.toSeconds() + " s");
            }
            copier.join(GRACE); // the rest of its output, unless a process it left behind holds the pipe open
            return p.exitValue();
        });
    }

    /** How long to wait: returns the exit status, or throws {@code X} when it gives up. */
    private interface Wait<X extends Exception> {
        int until() throws InterruptedException, X;
    }

    /** Waits as {@code wait} says, stopping {@code p} if go4j exits first or the wait ends early. */
    private static <X extends Exception> int supervise(Process p, Wait<X> wait) throws InterruptedException, X {
        Thread hook = new Thread(() -> stop(p), "go4j: stop " + p.info().command().orElse("the program"));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return wait.until();
        } finally {
            if (p.isAlive()) stop(p);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running, or about to: it stops the program
            }
        }
    }

    /** Stops {@code p} and every process it started: SIGTERM, then SIGKILL to those still there after the grace period. */
    private static void stop(Process p) {
        List<ProcessHandle> all = p.descendants().toList();
        all.forEach(ProcessHandle::destroy);
        p.destroy();
        boolean interrupted = Thread.interrupted();
        try {
            for (ProcessHandle h : Stream.concat(Stream.of(p.toHandle()), all.stream()).toList()) {
                try {
                    h.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    h.destroyForcibly();
                } catch (InterruptedException e) {
                    interrupted = true;
                    h.destroyForcibly();
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static void copy(Process p, PrintStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), Charset.defaultCharset()))) {
            for (String line; (line = r.readLine()) != null; ) out.println(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.flush();
        }
    }
}
