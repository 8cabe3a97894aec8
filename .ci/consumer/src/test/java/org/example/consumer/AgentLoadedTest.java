package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.race.RaceDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pom's argLine really loads the race detector into the test JVM. */
@Timeout(10)
class AgentLoadedTest {
    @Test
    void theRaceDetectorRuns() {
        assertTrue(RaceDetector.active(), "the go4j race agent is not running in the test JVM");
    }
}
