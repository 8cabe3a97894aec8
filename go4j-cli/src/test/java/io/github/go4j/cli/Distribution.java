package io.github.go4j.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.go4j.Go;
import io.github.go4j.examples.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A go4j distribution laid out as go4j-dist lays it out (bin/go4j, lib/go4j-launcher.bash, lib/*.jar and
 * lib/go4j-race-agent.jar), made for a test from the checkout's launcher scripts and the classes under test.
 */
record Distribution(Path root) {

    /** The launcher scripts in the checkout, relative to its root. */
    static final String BIN = "go4j-dist/src/main/sh/bin/go4j";
    static final String LAUNCHER_LIB = "go4j-dist/src/main/sh/lib/go4j-launcher.bash";

    /** Makes one in {@code root}; the test is skipped when it does not run in a checkout. */
    static Distribution make(Path root) throws IOException {
        Path checkout = ProjectHome.find().orElse(null);
        assumeTrue(checkout != null && Files.isRegularFile(checkout.resolve(BIN)), "runs in a checkout");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path lib = Files.createDirectories(root.resolve("lib"));
        Files.copy(checkout.resolve(BIN), bin.resolve("go4j"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(bin.resolve("go4j"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(checkout.resolve(LAUNCHER_LIB), lib.resolve("go4j-launcher.bash"), StandardCopyOption.REPLACE_EXISTING);
        Path scratch = Files.createDirectories(root.resolve("scratch"));
        for (Map.Entry<Class<?>, String> e : Map.of(Main.class, "go4j-cli.jar", Go.class, "go4j-core.jar",
                Example.class, "go4j-examples.jar", CommandLine.class, "picocli.jar").entrySet()) {
            Files.copy(Programs.asJar(e.getKey(), scratch, e.getValue()), lib.resolve(e.getValue()), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.copy(AgentJar.find(), lib.resolve(AgentJar.NAME), StandardCopyOption.REPLACE_EXISTING);
        } catch (IllegalStateException notBuilt) {
            // a distribution without the agent: tests that need it say so
        }
        return new Distribution(root);
    }

    Path go4j() {
        return root.resolve("bin/go4j");
    }

    Path lib(String jar) {
        return root.resolve("lib").resolve(jar);
    }

    boolean hasAgent() {
        return Files.isRegularFile(lib(AgentJar.NAME));
    }

    /** The examples' class path in this distribution, as the demo prints it. */
    String examplesClassPath() {
        return lib("go4j-examples.jar") + ":" + lib("go4j-core.jar");
    }

    /**
     * {@code bin/go4j args...} as a user starts it from {@code dir}: a bare environment (PATH, HOME, TMPDIR,
     * LANG) with JAVA_HOME the JDK of the test and no GO4J_HOME.
     */
    ProcessBuilder command(Path dir, Path tmp, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(go4j().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        bareEnvironment(pb, tmp);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb;
    }

    /** Clears {@code pb}'s environment but for PATH, HOME, LANG and TMPDIR={@code tmp}. */
    static void bareEnvironment(ProcessBuilder pb, Path tmp) {
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        String home = env.getOrDefault("HOME", tmp.toString());
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home);
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", tmp.toString());
    }
}
