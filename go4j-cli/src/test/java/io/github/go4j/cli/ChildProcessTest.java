package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The one place go4j starts a program and waits for it: its status, directory, environment, output, and its end. */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(30)
class ChildProcessTest {

    private static ChildProcess sh(String script) {
        return new ChildProcess(List.of("/bin/sh", "-c", script));
    }

    @Test
    void itsExitStatusIsReturned() throws Exception {
        assertEquals(3, sh("exit 3").run());
        assertEquals(0, sh("exit 0").run());
    }

    @Test
    void itRunsInTheDirectoryGivenWithTheEnvironmentDefaultsThatGo4jHasNot(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("seen");
        int status = sh("echo \"$PWD $GO4J_CHILD_TEST $PATH\" > seen")
                .directory(dir)
                .environmentDefault("GO4J_CHILD_TEST", "set")
                .environmentDefault("PATH", "not-the-path")
                .run();
        assertEquals(0, status);
        assertEquals(dir.toRealPath() + " set " + System.getenv("PATH"), Files.readString(seen).strip());
    }

    @Test
    void itsOutputAndErrorCanBeCopiedInOrderToAStream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = sh("echo one; echo two >&2; echo three; exit 5").run(out, Duration.ofSeconds(20));
        assertEquals(5, status);
        assertEquals(List.of("one", "two", "three"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aProgramThatOverrunsItsTimeIsStoppedWithEverythingItStarted(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        ChildProcess child = sh("sleep 60 & echo $$ $! > '" + pids + "'; wait");
        TimeoutException e = assertThrows(TimeoutException.class,
                () -> child.run(new PrintStream(PrintStream.nullOutputStream()), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("did not end within 2 s"), e.getMessage());
        for (long pid : pids(pids)) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
    }

    @Test
    void anInterruptedWaitStopsTheProgramAndEverythingItStarted(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        ChildProcess child = sh("sleep 60 & echo $$ $! > '" + pids + ".tmp'; mv '" + pids + ".tmp' '" + pids + "'; wait");
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                child.run();
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        while (!Files.exists(pids)) Thread.onSpinWait();
        waiter.interrupt();
        assertInstanceOf(InterruptedException.class, ended.get(20, TimeUnit.SECONDS));
        for (long pid : pids(pids)) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
    }

    @Test
    void aProgramThatCannotStartIsAnIOException(@TempDir Path dir) {
        ChildProcess child = new ChildProcess(List.of(dir.resolve("no-such-program").toString()));
        assertThrows(IOException.class, child::run);
        assertEquals(dir.resolve("no-such-program").toString(), child.program());
    }

    private static List<Long> pids(Path file) throws IOException {
        List<Long> pids = List.of(Files.readString(file).strip().split(" ")).stream().map(Long::parseLong).toList();
        assertEquals(2, pids.size(), pids.toString());
        return pids;
    }
}
