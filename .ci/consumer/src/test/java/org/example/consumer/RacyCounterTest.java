package org.example.consumer;

import io.github.go4j.sync.WaitGroup;
import io.github.go4j.test.RaceFree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fails on purpose: two goroutines increment a plain field, and @RaceFree must fail the test with the
 * race report. Skipped unless -Dconsumer.racy=true; .ci/run runs it and expects that failure.
 */
@RaceFree
@Timeout(30)
@EnabledIfSystemProperty(named = "consumer.racy", matches = "true")
class RacyCounterTest {
    private int counter;

    @Test
    void twoGoroutinesIncrementAPlainField() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        for (int g = 0; g < 2; g++) {
            wg.go(() -> {
                for (int i = 0; i < 1000; i++) counter++;
            });
        }
        wg.await();
    }
}
