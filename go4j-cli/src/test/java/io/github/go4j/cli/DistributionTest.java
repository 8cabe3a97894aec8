package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.go4j.examples.RacyCounter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's {@code bin/go4j}, with the classes under test, run as a user runs it: from a directory
 * with no checkout in it, with no GO4J_HOME, with or without JAVA_HOME, through a symlink on PATH.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(120)
class DistributionTest {

    @TempDir
    static Path shared;

    static Distribution dist;

    @TempDir
    Path work;

    Path tmp;

    private static final String ECHO = EchoProgram.class.getName();

    @BeforeAll
    static void makeTheDistribution() throws IOException {
        dist = Distribution.make(shared.resolve("go4j-0.1.0"));
    }

    /** Symbolic links the test made to outside its directory, removed after it. */
    private final List<Path> links = new ArrayList<>();

    @BeforeEach
    void makeTmp() throws IOException {
        tmp = Files.createDirectories(work.resolve("tmp"));
    }

    @AfterEach
    void removeLinks() throws IOException {
        for (Path link : links) Files.deleteIfExists(link);
    }

    private static String testClasses() {
        return Programs.home(EchoProgram.class).toString();
    }

    private record Result(int exitCode, String out, String err) {}

    private Result run(ProcessBuilder pb, String input) throws IOException, InterruptedException {
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String[] errText = new String[1];
        Thread err = Thread.ofVirtual().start(() -> {
            try {
                errText[0] = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                errText[0] = e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        err.join();
        return new Result(code, out, errText[0]);
    }

    private Result go4j(String... args) throws IOException, InterruptedException {
        return run(dist.command(work, tmp, args), "");
    }

    /** Processes other than {@code except} whose command line holds {@code marker}. */
    private static List<ProcessHandle> processesWith(String marker, long except) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.pid() != except)
                .filter(h -> h.info().arguments().map(a -> Arrays.asList(a).contains(marker)).orElse(false))
                .toList();
    }

    private void assertNoTemporaryFilesLeft() throws IOException {
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "go4j leaves nothing in TMPDIR");
        }
    }

    @Test
    void theProgramTakesTheLaunchersProcessSoThatKill9StopsIt() throws Exception {
        String marker = "-Decho.marker=" + UUID.randomUUID();
        Process p = dist.command(work, tmp, "run", marker, "-Decho.stdin=true", "-cp", testClasses(), ECHO, "a").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("pid=" + p.pid(), out.readLine(), "the program's JVM runs in the process go4j was started as");
            assertEquals(List.of(), processesWith(marker, p.pid()), "and is the only JVM: go4j's own has ended");
            assertEquals(List.of(), p.children().toList());
            p.destroyForcibly(); // kill -9 <the pid of go4j>
            assertEquals(137, p.waitFor());
            assertEquals(List.of(), processesWith(marker, -1), "nothing of the program is left running");
        } finally {
            p.destroyForcibly();
        }
        assertNoTemporaryFilesLeft();
    }

    @Test
    void withoutALauncherTheProgramIsAChildThatEndsWhenGo4jIsStopped() throws Exception {
        // the CLI started as java ... io.github.go4j.cli.Main, as an IDE or a script might: no GO4J_EXEC_FILE
        String marker = "-Decho.marker=" + UUID.randomUUID();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dist.root().resolve("lib") + "/*", "io.github.go4j.cli.Main",
                "run", marker, "-Decho.stdin=true", "-cp", testClasses(), ECHO).directory(work.toFile());
        Distribution.bareEnvironment(pb, tmp);
        Process go4j = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(go4j.getInputStream(), StandardCharsets.UTF_8));
            long program = Long.parseLong(out.readLine().substring("pid=".length()));
            assertFalse(program == go4j.pid());
            assertEquals(List.of(program), go4j.children().map(ProcessHandle::pid).toList(), "the program is go4j's child");
            go4j.destroy(); // SIGTERM to go4j
            assertEquals(143, go4j.waitFor());
            assertEquals(List.of(), processesWith(marker, -1), "the program ended with go4j");
        } finally {
            go4j.destroyForcibly();
            processesWith(marker, -1).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theProgramsStreamsArgumentsAndExitStatusAreItsOwn() throws Exception {
        Result r = run(dist.command(work, tmp, "run", "-Decho.stdin=true", "-Decho.exit=42", "-cp", testClasses(), ECHO,
                "--race", "x y", "-cp", "--help", ""), "one\ntwo\n");
        assertEquals(42, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("arg=--race", "arg=x y", "arg=-cp", "arg=--help", "arg="), lines.stream().filter(l -> l.startsWith("arg=")).toList());
        assertEquals(List.of("stdin=one", "stdin=two"), lines.stream().filter(l -> l.startsWith("stdin=")).toList());
        List<String> argv = lines.stream().filter(l -> l.startsWith("argv=")).map(l -> l.substring(5)).toList();
        // (ProcessHandle.Info ends the command line at an empty argument, here the last)
        assertEquals(List.of("-Decho.stdin=true", "-Decho.exit=42", "-cp", testClasses(), ECHO, "--race", "x y", "-cp", "--help"), argv,
                "java's command line is go4j run's, word for word");
        assertEquals("", r.err());
        assertNoTemporaryFilesLeft();
    }

    @Test
    void raceWorksFromAnyDirectoryWithNoJavaHomeAndNoCheckout() throws Exception {
        assumeTrue(dist.hasAgent(), "needs the agent jar (go4j-race/target/go4j-race-agent.jar): mvn -pl go4j-race -am package");
        Path jvms = Files.createDirectories(work.resolve("jvm"));
        Path jdk = Files.createSymbolicLink(jvms.resolve("jdk-25"), Path.of(System.getProperty("java.home")));
        links.add(jdk);
        ProcessBuilder pb = dist.command(work, tmp, "run", "--race", "-cp", dist.examplesClassPath(), RacyCounter.class.getName());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("GO4J_JVM_DIR", jvms.toString());
        Result r = run(pb, "");
        assertEquals(66, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("WARNING: DATA RACE") && r.err().contains("RacyCounter.counter"), r.err());
        assertTrue(r.out().contains("counter = "), r.out());
        assertNoTemporaryFilesLeft();
    }

    @Test
    void theDemosRaceStepPrintsCommandsThatRunWhenCopied() throws Exception {
        assumeTrue(dist.hasAgent(), "needs the agent jar (go4j-race/target/go4j-race-agent.jar): mvn -pl go4j-race -am package");
        // go4j on PATH as a symlink to bin/go4j, called by its name in a shell
        Path onPath = Files.createDirectories(work.resolve("path-bin"));
        links.add(Files.createSymbolicLink(onPath.resolve("go4j"), dist.go4j()));
        Result demo = shell(onPath, "go4j demo race");
        assertEquals(0, demo.exitCode(), demo.out() + demo.err());
        List<String> commands = demo.out().lines().filter(l -> l.startsWith("$ ")).map(l -> l.substring(2, l.indexOf("    # "))).toList();
        assertEquals(List.of(
                "go4j run --race -cp " + dist.examplesClassPath() + " io.github.go4j.examples.RacyCounter",
                "go4j run --race -cp " + dist.examplesClassPath() + " io.github.go4j.examples.MutexCounter",
                "go4j run --race -cp " + dist.examplesClassPath() + " io.github.go4j.examples.AtomicCounter"), commands);
        Result racy = shell(onPath, commands.get(0));
        assertEquals(66, racy.exitCode(), racy.out() + racy.err());
        assertTrue(racy.err().contains("WARNING: DATA RACE") && racy.err().contains("RacyCounter.counter"), racy.err());
        for (String fixed : commands.subList(1, 3)) {
            Result r = shell(onPath, fixed);
            assertEquals(0, r.exitCode(), fixed + ": " + r.out() + r.err());
            assertTrue(r.out().contains("counter = 10000"), r.out());
            assertFalse(r.err().contains("DATA RACE"), r.err());
        }
    }

    /** {@code line} run by bash in the work directory, with {@code pathDir} first on PATH. */
    private Result shell(Path pathDir, String line) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(work.toFile());
        Distribution.bareEnvironment(pb, tmp);
        pb.environment().put("PATH", pathDir + ":" + pb.environment().get("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return run(pb, "");
    }

    @Test
    void testAndBenchSayThatTheyNeedACheckout() throws Exception {
        for (String command : List.of("test", "bench")) {
            Result r = go4j(command);
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("go4j " + command + ": needs a go4j checkout (the source tree, with Maven), and this go4j runs from "
                    + dist.root() + ", with none. Clone go4j and run ./go4j " + command + " there, or set GO4J_HOME to a checkout."),
                    r.err());
        }
    }

    @Test
    void demoRunsWithoutACheckout() throws Exception {
        Result r = go4j("demo", "hello");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("hello from goroutine"), r.out());
    }

    @Test
    void aUsageErrorOrHelpLeavesNothingBehind() throws Exception {
        Result usage = go4j("run", "-cp", "x");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().startsWith("go4j run: missing the program to run"), usage.err());
        Result help = go4j("run", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: go4j run"), help.out());
        Result version = go4j("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("go4j "), version.out());
        assertNoTemporaryFilesLeft();
    }

    @Test
    void aProgramThatCannotStartIsJavasErrorAndStatus() throws Exception {
        Result r = go4j("run", "-cp", work.toString(), "com.acme.NoSuchMain");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Could not find or load main class com.acme.NoSuchMain"), r.err());
        assertEquals("", r.out());
    }
}
