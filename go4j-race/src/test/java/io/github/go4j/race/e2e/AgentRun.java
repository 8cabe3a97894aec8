package io.github.go4j.race.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a fixture's main class in a child JVM under the agent; the exit status and everything it printed. */
record AgentRun(int exitCode, String output) {
    static final Path AGENT = Path.of(System.getProperty("go4j.race.agent", "target/go4j-race-agent.jar"));

    static AgentRun run(String options, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-javaagent:" + AGENT.toAbsolutePath() + (options == null ? "" : "=" + options));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("go4j-race", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().remove("GO4J_RACE");
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish: " + String.join(" ", cmd));
            }
            return new AgentRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    int races() {
        return output.split("WARNING: DATA RACE", -1).length - 1;
    }

    static String classpathSeparator() {
        return File.pathSeparator;
    }
}
