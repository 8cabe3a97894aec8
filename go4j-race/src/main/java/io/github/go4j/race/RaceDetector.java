package io.github.go4j.race;

import io.github.go4j.race.internal.agent.Agent;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The running race detector, for tools (the go4j-test JUnit extension) in the same JVM.
 *
 * <p>Present only when the agent is loaded ({@code -javaagent:go4j-race-agent.jar}); it is on the
 * system class path then. Tools that must work without the agent find this class reflectively
 * through the system class loader. Every method is safe to call from any thread.
 */
public final class RaceDetector {
    private RaceDetector() {}

    /**
     * Whether the agent started (its options were valid and instrumentation is installed).
     *
     * @return whether the agent is running in this JVM
     */
    public static boolean active() {
        return Agent.reporter() != null;
    }

    /**
     * Races reported so far in this JVM (each pair of code locations counts once).
     *
     * @return the number of races reported
     */
    public static int racesReported() {
        var r = Agent.reporter();
        return r == null ? 0 : r.count();
    }

    /**
     * Calls {@code listener} with the text of every race reported from now on, on the thread that made
     * the second access, after the report was printed. The listener must be quick and must not block.
     *
     * @param listener gets the text of each later report
     * @return closing it removes the listener
     * @throws NullPointerException if {@code listener} is null
     * @throws IllegalStateException if the agent is not active
     */
    public static AutoCloseable onRace(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        var r = Agent.reporter();
        if (r == null) throw new IllegalStateException("go4j-race: the agent is not active");
        return r.addListener(listener);
    }
}
