package io.github.go4j.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The race detector's agent jar that {@code go4j run --race} and the demo's race step run programs with:
 * {@code go4j-race-agent.jar} beside the CLI's own jar (the distribution's {@code lib/}), else the one the
 * checkout built ({@code go4j-race/target/go4j-race-agent.jar}).
 */
final class AgentJar {
    private AgentJar() {}

    /** Its file name, in the distribution's {@code lib/} and in go4j-race's {@code target/}. */
    static final String NAME = "go4j-race-agent.jar";

    /** Where a checkout's build puts it, from the checkout's root. */
    static final String IN_CHECKOUT = "go4j-race/target/" + NAME;

    /**
     * The agent jar of this go4j.
     *
     * @return the jar
     * @throws IllegalStateException when there is none, saying where it looked and how to get one
     */
    static Path find() {
        return find(besideTheCli(), ProjectHome.find());
    }

    /**
     * The agent jar in {@code cliDir} (the directory of the CLI's jar), else in the checkout {@code checkout}.
     *
     * @param cliDir the directory the CLI's jar is in, if it runs from a jar
     * @param checkout the root of the go4j checkout, if there is one
     * @return the jar
     * @throws IllegalStateException when neither has it, saying where it looked and how to get one
     */
    static Path find(Optional<Path> cliDir, Optional<Path> checkout) {
        Optional<Path> beside = cliDir.map(d -> d.resolve(NAME)).filter(Files::isRegularFile);
        if (beside.isPresent()) return beside.get();
        Optional<Path> built = checkout.map(h -> h.resolve(IN_CHECKOUT));
        if (built.isPresent() && Files.isRegularFile(built.get())) return built.get();
        if (built.isPresent()) {
            throw new IllegalStateException("the race detector's agent is not built (" + built.get() + " is missing): run"
                    + " mvn -pl go4j-race -am package -DskipTests in " + checkout.get() + ", or ./go4j, which builds it with the project");
        }
        throw new IllegalStateException("the race detector's agent is missing: no " + NAME
                + cliDir.map(d -> " in " + d).orElse("") + " and no go4j checkout to build one in."
                + " Unpack the go4j distribution again, or run go4j from a checkout (./go4j)");
    }

    /** The directory of the jar the CLI runs from; empty when it runs from a class directory. */
    private static Optional<Path> besideTheCli() {
        try {
            var source = AgentJar.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
