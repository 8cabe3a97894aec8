package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.go4j.Go;
import io.github.go4j.examples.RacyCounter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code go4j run} as a user types it, in the JVM of the test: with no launcher to hand the program to, it
 * runs the program as a child process. The program is {@link EchoProgram}, which writes what it got to a file.
 */
@Timeout(60)
class RunCommandTest {

    @TempDir
    Path dir;

    private static final String ECHO = EchoProgram.class.getName();

    private Path report() {
        return dir.resolve("report");
    }

    /** {@code go4j run} with {@code -Decho.report=...} first, and {@code args}. */
    private Console run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "-Decho.report=" + report()));
        all.addAll(List.of(args));
        return Console.go4j(all.toArray(String[]::new));
    }

    private List<String> reported(String prefix) throws IOException {
        return Files.readAllLines(report()).stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    private static String testClasses() {
        return Programs.home(EchoProgram.class).toString();
    }

    @Test
    void everyArgumentAfterTheMainClassIsTheProgramsOwn() throws IOException {
        List<String> programArgs = List.of("--verbose", "--help", "-h", "--race", "--race-options", "x", "-cp", "y", "-jar", "z", "-V", "--", "", "a b", "@file");
        List<String> cmd = new ArrayList<>(List.of("-cp", testClasses(), ECHO));
        cmd.addAll(programArgs);
        Console c = run(cmd.toArray(String[]::new));
        assertEquals(0, c.exitCode(), c.err());
        assertEquals(programArgs, reported("arg="));
    }

    @Test
    void everyArgumentAfterTheJarIsTheProgramsOwn() throws IOException {
        Path jar = Programs.jar(dir.resolve("app.jar"), Programs.home(EchoProgram.class), ECHO);
        Console c = run("-jar", jar.toString(), "--verbose", "--help", "--race", "-cp", "x");
        assertEquals(0, c.exitCode(), c.err());
        assertEquals(List.of("--verbose", "--help", "--race", "-cp", "x"), reported("arg="));
    }

    @Test
    void jvmOptionsReachTheProgramsJvmUntouched() throws IOException {
        List<String> options = List.of("-Decho.property=go4j.test", "-Dgo4j.test=a b", "-Xss2m", "-XX:+UseSerialGC",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-modules", "java.sql", "--enable-native-access", "ALL-UNNAMED", "--enable-preview",
                "-cp", testClasses(), ECHO, "x");
        Console c = run(options.toArray(String[]::new));
        assertEquals(0, c.exitCode(), c.err());
        List<String> argv = new ArrayList<>(List.of("-Decho.report=" + report()));
        argv.addAll(options);
        assertEquals(argv, reported("argv="), "java's command line is go4j run's, word for word");
        assertEquals(List.of("a b"), reported("property="));
        assertEquals(List.of("x"), reported("arg="));
    }

    @Test
    void theProgramsExitStatusIsGo4jsExitStatus() {
        assertEquals(7, run("-Decho.exit=7", "-cp", testClasses(), ECHO).exitCode());
        assertEquals(0, run("-cp", testClasses(), ECHO).exitCode());
    }

    @Test
    void aModularProgramRuns() throws IOException {
        Path mods = dir.resolve("mods");
        Path app = Programs.jar(mods.resolve("echo.jar"), modular("echo.app", "echo.app.Main", """
                package echo.app;
                public class Main {
                    public static void main(String[] args) throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("echo.report")),
                                "module=" + Main.class.getModule().getName() + "\\n" + "arg=" + String.join("\\narg=", args) + "\\n");
                    }
                }
                """), null);
        Console c = run("-p", mods.toString(), "-m", "echo.app/echo.app.Main", "--race", "-cp", "x");
        assertEquals(0, c.exitCode(), c.err());
        assertEquals(List.of("echo.app"), reported("module="));
        assertEquals(List.of("--race", "-cp", "x"), reported("arg="));
        assertTrue(Files.isRegularFile(app));
    }

    @Test
    void aSourceFileRuns() throws IOException {
        Path hello = Files.writeString(dir.resolve("Hello.java"), """
                void main(String[] args) throws Exception {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("echo.report")), "arg=" + String.join("\\narg=", args) + "\\n");
                }
                """);
        Console c = run(hello.toString(), "--race", "a");
        assertEquals(0, c.exitCode(), c.err());
        assertEquals(List.of("--race", "a"), reported("arg="));
    }

    @Test
    void raceRunsTheProgramUnderTheDetectorAndExits66WhenItFoundRaces() throws IOException {
        assumeTrue(agentBuilt(), "needs the agent jar (go4j-race/target/go4j-race-agent.jar): mvn -pl go4j-race -am package");
        String classPath = Programs.home(RacyCounter.class) + File.pathSeparator + Programs.home(Go.class);
        Path log = dir.resolve("race");
        Console c = Console.go4j("run", "--race", "--race-options", "log_path=" + log, "-cp", classPath, RacyCounter.class.getName());
        assertEquals(66, c.exitCode(), c.err());
        assertTrue(raceLog(log).contains("WARNING: DATA RACE"), raceLog(log));
        assertTrue(raceLog(log).contains("RacyCounter.counter"), raceLog(log));
    }

    @Test
    void aModularProgramRunsUnderTheDetector() throws IOException {
        assumeTrue(agentBuilt(), "needs the agent jar (go4j-race/target/go4j-race-agent.jar): mvn -pl go4j-race -am package");
        Path mods = dir.resolve("mods");
        Programs.jar(mods.resolve("racy.jar"), modular("racy.app", "racy.app.Counter", Programs.racyCounter("racy.app", "Counter")), null);
        Path log = dir.resolve("race");
        Console c = Console.go4j("run", "--race", "--race-options=log_path=" + log, "-p", mods.toString(), "-m", "racy.app/racy.app.Counter");
        assertEquals(66, c.exitCode(), c.err());
        assertTrue(raceLog(log).contains("WARNING: DATA RACE"), raceLog(log));
        assertTrue(raceLog(log).contains("racy.app.Counter.counter"), raceLog(log));
    }

    @Test
    void withoutALauncherTheProgramRunsAsAChildThatTheCommandWaitsFor() throws IOException {
        Console c = run("-cp", testClasses(), ECHO);
        assertEquals(0, c.exitCode(), c.err());
        long pid = Long.parseLong(reported("pid=").getFirst());
        assertFalse(pid == ProcessHandle.current().pid());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "ended before go4j run returned");
    }

    @Test
    void aLauncherIsHandedTheJavaCommandLineToExec() throws IOException {
        Path handoff = dir.resolve("exec");
        Path agent = Files.writeString(dir.resolve("agent.jar"), "");
        Console c = Console.run(() -> new CommandLine(new RunCommand(Map.of(RunCommand.EXEC_FILE, handoff.toString()), () -> agent)),
                "--race", "--race-options", "halt_on_error=1", "-Dx=a b", "-cp", "app.jar", "Main", "--race", "", "ü");
        assertEquals(0, c.exitCode(), c.err());
        assertEquals("", c.out() + c.err());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = Arrays.asList(Files.readString(handoff, RunCommand.argumentCharset()).split("\0", -1));
        assertEquals(List.of(java, "-javaagent:" + agent + "=halt_on_error=1", "-Dx=a b", "-cp", "app.jar", "Main", "--race", "", "ü", ""), argv,
                "each argument ends with a NUL");
    }

    @Test
    void aUsageErrorIsOneLineAndAHint() {
        Console c = Console.go4j("run", "--race-options", "halt_on_error=1", "-cp", "app.jar", "Main");
        assertEquals(2, c.exitCode());
        assertEquals("go4j run: --race-options needs --race: the options are the race detector's\nRun 'go4j run --help' for usage.\n", c.err());
        Console none = Console.go4j("run");
        assertEquals(2, none.exitCode());
        assertEquals(2, none.err().lines().count(), none.err());
        assertTrue(none.err().startsWith("go4j run: missing the program to run"), none.err());
        Console cpAndJar = Console.go4j("run", "-cp", "lib.jar", "-jar", "app.jar");
        assertEquals(2, cpAndJar.exitCode());
        assertTrue(cpAndJar.err().startsWith("go4j run: -cp does nothing with -jar"), cpAndJar.err());
    }

    @Test
    void helpShowsWhatIsGo4jsAndWhatIsJavas() {
        for (List<String> args : List.of(List.of("run", "--help"), List.of("run", "-h"), List.of("help", "run"), List.of("run", "-cp", "x", "--help", "Main"))) {
            Console c = Console.go4j(args.toArray(String[]::new));
            assertEquals(0, c.exitCode(), args + ": " + c.err());
            assertTrue(c.out().startsWith("Usage: go4j run [GO4J OPTIONS] [JAVA OPTIONS] MAIN [ARGS...]\n"), args + ": " + c.out());
            for (String s : List.of("-jar APP.jar [ARGS...]\n", "-m MODULE[/MAIN] [ARGS...]\n", "SOURCE.java [ARGS...]\n", "--race ", "--race-options OPTS", "-h, --help", "-V, --version", "GO4J_RACE")) {
                assertTrue(c.out().contains(s), s + " missing from " + c.out());
            }
            assertTrue(c.out().lines().allMatch(l -> l.length() < 80), "no line wraps: " + c.out());
        }
    }

    @Test
    void raceWithoutTheAgentSaysWhereItLooked() {
        Console c = Console.run(() -> new CommandLine(new RunCommand(Map.of(), () -> {
            throw new IllegalStateException("the race detector's agent is not built");
        })), "--race", "Main");
        assertEquals(1, c.exitCode());
        assertEquals("go4j run: the race detector's agent is not built\n", c.err());
    }

    private static boolean agentBuilt() {
        try {
            AgentJar.find();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The log the detector wrote to {@code prefix.<pid>}. */
    private String raceLog(Path prefix) throws IOException {
        try (Stream<Path> files = Files.list(prefix.getParent())) {
            List<Path> logs = files.filter(p -> p.getFileName().toString().startsWith(prefix.getFileName() + ".")).toList();
            assertEquals(1, logs.size(), logs.toString());
            return Files.readString(logs.getFirst(), StandardCharsets.UTF_8);
        }
    }

    /** The module {@code name} with the class {@code mainClass} of {@code source}, compiled. */
    private Path modular(String name, String mainClass, String source) throws IOException {
        String file = mainClass.replace('.', '/') + ".java";
        return Programs.compile(Files.createDirectories(dir.resolve("classes-" + name)),
                "module-info.java", "module " + name + " {}\n", file, source);
    }
}
