package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run command's java command line; the end-to-end runs under the agent are go4j-race's tests. */
@Timeout(20)
class RunCommandTest {

    private static List<String> parse(RunCommand c, String... args) {
        new CommandLine(c).parseArgs(args);
        List<String> cmd = c.javaCommand();
        return cmd.subList(1, cmd.size());
    }

    @Test
    void raceAddsTheAgentAndTheProgramsOwnOptionsStayItsOwn(@TempDir Path home) throws Exception {
        Path agent = home.resolve(RunCommand.AGENT);
        Files.createDirectories(agent.getParent());
        Files.writeString(agent, "jar");
        List<String> cmd = parse(new RunCommand(() -> Optional.of(home)), "--race", "--race-options=halt_on_error=1",
                "-cp", "app.jar", "com.acme.Main", "--race", "-x");
        assertEquals(List.of("-javaagent:" + agent + "=halt_on_error=1", "-cp", "app.jar", "com.acme.Main", "--race", "-x"), cmd);
    }

    @Test
    void jarAndNoRace() {
        assertEquals(List.of("-jar", "app.jar", "a", "b"), parse(new RunCommand(Optional::empty), "-jar", "app.jar", "a", "b"));
    }

    @Test
    void raceWithoutABuiltAgentSaysHowToBuildIt(@TempDir Path home) {
        RunCommand c = new RunCommand(() -> Optional.of(home));
        new CommandLine(c).parseArgs("--race", "Main");
        IllegalStateException e = assertThrows(IllegalStateException.class, c::javaCommand);
        assertTrue(e.getMessage().contains("mvn -pl go4j-race -am package"), e.getMessage());
    }

    @Test
    void aMainClassIsRequired() {
        RunCommand c = new RunCommand(Optional::empty);
        new CommandLine(c).parseArgs("--race");
        assertThrows(CommandLine.ParameterException.class, c::javaCommand);
    }
}
