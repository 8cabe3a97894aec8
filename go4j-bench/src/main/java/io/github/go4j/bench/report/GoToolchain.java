package io.github.go4j.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Go toolchain that runs the twins: {@code go} on the PATH (or in Debian's and the tarball's usual
 * places), installed with {@code apt-get update && apt-get install -y golang-go} when it is missing and we
 * are root on a machine with apt.
 *
 * @param executable the {@code go} binary
 * @param version what {@code go version} says, e.g. {@code go1.19.8 linux/amd64}
 */
record GoToolchain(String executable, String version) {

    private static final List<String> USUAL_PLACES = List.of("/usr/lib/go/bin/go", "/usr/local/go/bin/go");

    /** Finds Go, installing it if need be; null (with the reason printed) when there is none. */
    static GoToolchain find(PrintStream out, Path installLog) throws IOException, InterruptedException {
        GoToolchain go = locate();
        if (go != null) return go;
        boolean root = "0".equals(Machine.firstLineOf(List.of("id", "-u")));
        if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            out.println("go4j bench: go is not installed; install Go 1.19 or newer (e.g. apt-get install -y golang-go)");
            return null;
        }
        out.println("go4j bench: go is missing; running apt-get update && apt-get install -y golang-go (log: "
                + installLog.getFileName() + ")");
        int status = BenchRunner.runLogged(List.of("sh", "-c", "apt-get update && apt-get install -y golang-go"), null,
                Map.of("DEBIAN_FRONTEND", "noninteractive"), installLog, line -> { });
        go = locate();
        if (go == null) out.println("go4j bench: installing Go failed (apt-get exited " + status + "); see " + installLog);
        return go;
    }

    private static GoToolchain locate() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                GoToolchain go = probe(Path.of(dir, "go"));
                if (go != null) return go;
            }
        }
        for (String place : USUAL_PLACES) {
            GoToolchain go = probe(Path.of(place));
            if (go != null) return go;
        }
        return null;
    }

    private static GoToolchain probe(Path candidate) {
        if (!Files.isExecutable(candidate)) return null;
        String v = Machine.firstLineOf(List.of(candidate.toString(), "version"));
        return v == null ? null : new GoToolchain(candidate.toString(), v.replaceFirst("^go version ", ""));
    }

    /**
     * Runs {@code go test -bench ...} in {@code dir} with {@code GOMAXPROCS=procs}, offline (no module proxy,
     * no toolchain download), with caches in the temporary directory when there is no home to keep them.
     */
    int runBenchmarks(List<String> cmd, Path dir, Path log, int procs, Consumer<String> onLine)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("GOMAXPROCS", Integer.toString(procs));
        env.put("GOPROXY", "off");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOFLAGS", "-mod=mod");
        if (System.getenv("HOME") == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "go4j-bench-go");
            env.put("GOCACHE", tmp.resolve("cache").toString());
            env.put("GOPATH", tmp.resolve("path").toString());
        }
        return BenchRunner.runLogged(cmd, dir, env, log, onLine);
    }
}
