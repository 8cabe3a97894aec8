package io.github.go4j.race.internal.runtime;

import io.github.go4j.race.internal.report.RaceReporter;

/**
 * Decides the process's exit status at shutdown, as Go's race detector does: when races were found
 * and the program would have exited 0, print {@code Found N data race(s)} and exit with the
 * {@code exitcode} option instead.
 *
 * <p>Implementation note. The JVM does not tell a shutdown hook the status it will exit with, so the
 * instrumentation tells this class: every {@code System.exit}/{@code Runtime.exit}/{@code halt} call
 * in application code records its status first, and an exception escaping the main method records
 * "main threw" (status 1). The hook runs last among shutdown hooks when the agent could register it in
 * a JDK system-hook slot after the application hooks; otherwise as an ordinary hook.
 */
public final class ExitStatus {
    private static volatile int requested = -1;
    private static volatile boolean mainThrew;

    private ExitStatus() {}

    static void exiting(int status) {
        requested = status;
    }

    static void mainThrew() {
        mainThrew = true;
    }

    /** The shutdown action: summary line, and {@code Runtime.halt(exitCode)} when the status would have been 0. */
    public static void atShutdown(RaceReporter reporter, int exitCode) {
        int n = reporter.count();
        if (n == 0) return;
        synchronized (reporter) {
            reporter.out().println("Found " + n + " data race(s)");
            reporter.out().flush();
        }
        int status = requested >= 0 ? requested : mainThrew ? 1 : 0;
        if (status == 0 && exitCode != 0) Runtime.getRuntime().halt(exitCode);
    }
}
