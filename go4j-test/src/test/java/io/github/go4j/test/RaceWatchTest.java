package io.github.go4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The watch behind {@link RaceDetectorExtension}, against a stand-in detector. */
@Timeout(10)
class RaceWatchTest {
    /** A detector whose reports the test makes. */
    static final class FakeDetector implements RaceWatch.Detector {
        final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public AutoCloseable onRace(Consumer<String> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void report(String text) {
            listeners.forEach(l -> l.accept(text));
        }
    }

    @Test
    void collectsOnlyTheReportsMadeWhileWatching() {
        FakeDetector d = new FakeDetector();
        d.report("before\n");
        RaceWatch w = RaceWatch.start(d);
        d.report("during\n");
        assertEquals(List.of("during\n"), w.stop());
        assertTrue(d.listeners.isEmpty(), "stop unsubscribes");
        d.report("after\n");
    }

    @Test
    void withoutTheAgentThereIsNoDetector() {
        assertTrue(RaceWatch.Detector.agent().isEmpty(), "go4j-test's tests run without the agent");
    }
}
