package io.github.go4j.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Collects the race reports made between {@link #start} and {@link #stop}.
 *
 * <p>The detector is reached reflectively through the system class loader, where the agent jar is:
 * go4j-test does not depend on go4j-race, so that a test class path never holds a second copy of the
 * agent's classes.
 */
final class RaceWatch {
    /** The detector's API as the watch uses it. */
    interface Detector {
        /** Calls {@code listener} with each later report; the result stops it. */
        AutoCloseable onRace(Consumer<String> listener);

        /** The agent's {@code io.github.go4j.race.RaceDetector}; empty when the agent is not loaded or not active. */
        static Optional<Detector> agent() {
            Method onRace;
            try {
                Class<?> api = Class.forName("io.github.go4j.race.RaceDetector", true, ClassLoader.getSystemClassLoader());
                if (!(boolean) api.getMethod("active").invoke(null)) return Optional.empty();
                onRace = api.getMethod("onRace", Consumer.class);
            } catch (ReflectiveOperationException | LinkageError e) {
                return Optional.empty();
            }
            return Optional.of(listener -> {
                try {
                    return (AutoCloseable) onRace.invoke(null, listener);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("go4j-test: cannot listen to the race detector", e);
                }
            });
        }
    }

    private final List<String> reports = new ArrayList<>();
    private final AutoCloseable subscription;

    private RaceWatch(Detector detector) {
        this.subscription = detector.onRace(this::add);
    }

    static RaceWatch start(Detector detector) {
        return new RaceWatch(detector);
    }

    private synchronized void add(String report) {
        reports.add(report);
    }

    /** Stops collecting; the reports made since {@link #start}. */
    List<String> stop() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("go4j-test: cannot stop listening to the race detector", e);
        }
        synchronized (this) {
            return List.copyOf(reports);
        }
    }
}
