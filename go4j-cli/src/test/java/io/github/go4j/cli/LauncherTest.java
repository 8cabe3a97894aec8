package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./go4j} launcher's JDK search, over fake JDKs, with a PATH that holds the tools it needs and no
 * java; and its stale-build check, in a fake checkout with a fake JDK 25 and a fake Maven.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(20)
class LauncherTest {

    @TempDir
    Path dir;

    private Path launcher;
    private Path bin;

    @BeforeEach
    void setUp() throws IOException {
        launcher = ProjectHome.find().map(home -> home.resolve("go4j")).orElse(null);
        assumeTrue(launcher != null && Files.isExecutable(launcher), "runs in a checkout");
        bin = Files.createDirectory(dir.resolve("bin"));
        for (String tool : List.of("bash", "env", "dirname", "readlink", "grep", "head", "tail", "sort", "cut", "find", "mktemp")) {
            Path found = onPath(tool);
            assumeTrue(found != null, tool + " on PATH");
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
    }

    @Test
    void withNoJdk25ItNamesEveryJdkItFoundAndSaysWhatToDo() throws Exception {
        Path jvms = Files.createDirectory(dir.resolve("jvm"));
        fakeJdk(jvms.resolve("jdk-17"), "17.0.9", true);
        fakeJdk(jvms.resolve("jdk-21"), "21.0.2", false); // no release file: it asks java -version
        Files.createDirectory(jvms.resolve("not-a-jdk"));

        Result r = launch(Map.of("GO4J_JVM_DIR", jvms.toString()));

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("go4j: needs a JDK 25 or newer, and found none."), r.err());
        assertTrue(r.err().contains("found " + jvms.resolve("jdk-17") + ": Java 17.0.9"), r.err());
        assertTrue(r.err().contains("found " + jvms.resolve("jdk-21") + ": Java 21.0.2"), r.err());
        assertFalse(r.err().contains("not-a-jdk"), r.err());
        assertTrue(r.err().contains("Install a JDK 25"), r.err());
        assertTrue(r.err().contains("set JAVA_HOME"), r.err());
    }

    @Test
    void anOldJavaHomeIsNamedWithItsVersion() throws Exception {
        Path old = fakeJdk(dir.resolve("jdk8"), "1.8.0_402", true);
        Path empty = Files.createDirectory(dir.resolve("jvm"));

        Result r = launch(Map.of("GO4J_JVM_DIR", empty.toString(), "JAVA_HOME", old.toString()));

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("found JAVA_HOME=" + old + ": Java 1.8.0_402"), r.err());
    }

    @Test
    void withNoJdkAtAllItSaysSo() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("jvm"));

        Result r = launch(Map.of("GO4J_JVM_DIR", empty.toString()));

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("no JDK at all"), r.err());
    }

    @Test
    void aMissingRaceAgentJarMakesTheBuildStale() throws Exception {
        for (String tool : List.of("mkdir", "chmod", "mv", "rm")) {
            Path found = onPath(tool);
            assumeTrue(found != null, tool + " on PATH");
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        // a checkout whose CLI is built (jar and stamp) but whose race agent jar is missing
        Path home = Files.createDirectories(dir.resolve("checkout"));
        Path copy = Files.copy(launcher, home.resolve("go4j"));
        copyLauncherLib(home);
        Path cliTarget = Files.createDirectories(home.resolve("go4j-cli/target"));
        Files.createFile(cliTarget.resolve("go4j-cli.jar"));
        Files.createFile(cliTarget.resolve(".built"));
        Path jdk = fakeJdk(dir.resolve("jvm/jdk-25"), "25.0.1", true);
        // a Maven that records that it ran and builds the agent jar
        Path log = dir.resolve("mvn.log");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"$@\" >> '" + log + "'\nmkdir -p '" + home + "/go4j-race/target'\n"
                + ": > '" + home + "/go4j-race/target/go4j-race-agent.jar'\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "GO4J_JVM_DIR", dir.resolve("jvm").toString());

        Result first = launch(copy, env);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("go4j: building"), first.err());
        assertTrue(Files.readString(log).contains("package"), Files.readString(log));

        Result second = launch(copy, env);
        assertEquals(0, second.exitCode(), second.err());
        assertFalse(second.err().contains("go4j: building"), "the agent jar is there now: " + second.err());
        assertEquals(1, Files.readAllLines(log).size(), "Maven ran once");
    }

    @Test
    void runsProgramTakesTheLaunchersProcess() throws Exception {
        // a checkout whose build is fresh: the CLI's jars in go4j-cli/target, the agent's, and the stamp last
        Path home = Files.createDirectories(dir.resolve("checkout"));
        Path copy = Files.copy(launcher, home.resolve("go4j"));
        copyLauncherLib(home);
        Path cliTarget = Files.createDirectories(home.resolve("go4j-cli/target"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Files.copy(Programs.asJar(Main.class, scratch, "go4j-cli.jar"), cliTarget.resolve("go4j-cli.jar"));
        Path lib = Files.createDirectories(cliTarget.resolve("lib"));
        Files.copy(Programs.asJar(io.github.go4j.Go.class, scratch, "core.jar"), lib.resolve("core.jar"));
        Files.copy(Programs.asJar(io.github.go4j.examples.Example.class, scratch, "examples.jar"), lib.resolve("examples.jar"));
        Files.copy(Programs.asJar(picocli.CommandLine.class, scratch, "picocli.jar"), lib.resolve("picocli.jar"));
        Files.createDirectories(home.resolve("go4j-race/target"));
        Files.createFile(home.resolve("go4j-race/target/go4j-race-agent.jar"));
        Files.createFile(cliTarget.resolve(".built"));

        ProcessBuilder pb = new ProcessBuilder("bash", copy.toString(), "run", "-Decho.exit=3", "-cp",
                Programs.home(EchoProgram.class).toString(), EchoProgram.class.getName(), "--race");
        Distribution.bareEnvironment(pb, dir);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, p.waitFor(), out.toString());
        assertEquals("pid=" + p.pid(), out.getFirst(), "the program's JVM runs in the process ./go4j was started as");
        assertTrue(out.contains("arg=--race"), out.toString());
    }

    /** The shell code the launcher sources, at its place in the fake checkout {@code home}. */
    private void copyLauncherLib(Path home) throws IOException {
        Path lib = home.resolve(Distribution.LAUNCHER_LIB);
        Files.createDirectories(lib.getParent());
        Files.copy(launcher.getParent().resolve(Distribution.LAUNCHER_LIB), lib);
    }

    private record Result(int exitCode, String err) {}

    private Result launch(Path script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("bash").toString(), script.toString(), "--version");
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err);
    }

    private Result launch(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("bash").toString(), launcher.toString(), "--version");
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err);
    }

    /** A directory that looks like a JDK of {@code version}: bin/java, and a release file if asked. */
    private static Path fakeJdk(Path home, String version, boolean releaseFile) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-01-16' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (releaseFile) Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private static Path onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
