package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The test command, with a stand-in for Maven: these tests never start Maven itself. */
@Timeout(20)
class TestCommandTest {

    @Test
    void runsMavenTestInBatchModeWithTheExtraArgumentsAfter() {
        TestCommand command = new TestCommand(Optional::empty, "mvn");
        new CommandLine(command).parseArgs("-pl", "go4j-core", "-Dtest=ChanTest*", "-q");
        assertEquals(List.of("mvn", "-B", "verify", "-pl", "go4j-core", "-Dtest=ChanTest*", "-q"), command.mavenCommand());
    }

    @Test
    void withoutArgumentsItRunsTheWholeSuite() {
        TestCommand command = new TestCommand(Optional::empty, "mvn");
        new CommandLine(command).parseArgs();
        assertEquals(List.of("mvn", "-B", "verify"), command.mavenCommand());
    }

    @Test
    void withoutAProjectItFailsAndSaysWhy() {
        Console c = Console.run(() -> new CommandLine(new TestCommand(Optional::empty, "mvn")));
        assertEquals(1, c.exitCode());
        assertTrue(c.err().startsWith("go4j test: needs a go4j checkout"), c.err());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void passesMavensExitCodeThroughAndRunsInTheProjectRoot(@TempDir Path dir) throws IOException {
        Path seen = dir.resolve("seen");
        Path fakeMaven = dir.resolve("fake-mvn");
        Files.writeString(fakeMaven, "#!/bin/sh\necho \"$PWD $*\" > '" + seen + "'\nexit 3\n");
        Files.setPosixFilePermissions(fakeMaven, PosixFilePermissions.fromString("rwx------"));
        Path root = Files.createDirectory(dir.resolve("root"));

        Console c = Console.run(() -> new CommandLine(new TestCommand(() -> Optional.of(root), fakeMaven.toString())),
                "-pl", "go4j-core");

        assertEquals(3, c.exitCode(), c.err());
        assertEquals(root.toRealPath() + " -B verify -pl go4j-core", Files.readString(seen).strip());
    }

    @Test
    void aMavenThatCannotStartIsAFailureThatSaysSo(@TempDir Path dir) {
        Console c = Console.run(() -> new CommandLine(new TestCommand(() -> Optional.of(dir), dir.resolve("no-such-mvn").toString())));
        assertEquals(1, c.exitCode());
        assertTrue(c.err().contains("cannot run Maven"), c.err());
    }
}
