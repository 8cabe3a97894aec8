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
        return runWithJvm(List.of(), options, mainClass, args);
    }

    /** As {@link #run(String, String, String...)}, with JVM options before the agent's. */
    static AgentRun runWithJvm(List<String> jvmOptions, String options, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-javaagent:" + AGENT.toAbsolutePath() + (options == null ? "" : "=" + options));
        cmd.add("-cp");
        cmd.add(childClassPath());
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

    /**
     * This JVM's class path without the agent's own classes and ASM: the child must run the shaded
     * agent jar, as a user would, not a second copy of its classes from the class path.
     */
    static String childClassPath() {
        List<String> keep = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String n = e.replace('\\', '/');
            if (n.endsWith("go4j-race/target/classes") || n.endsWith("go4j-race/target/classes/") || n.contains("/org/ow2/asm/")) continue;
            keep.add(e);
        }
        return String.join(File.pathSeparator, keep);
    }

    int races() {
        return output.split("WARNING: DATA RACE", -1).length - 1;
    }
}
