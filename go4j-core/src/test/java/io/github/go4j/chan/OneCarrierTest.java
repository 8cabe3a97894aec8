package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Channels under a listener that blocks or yields inside its callbacks, with one carrier thread for all
 * virtual threads: each {@link OneCarrierScenarios} program runs in its own child JVM, so a hang (a
 * goroutine spinning on the only carrier) fails the test instead of freezing the build.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class OneCarrierTest {

    @Test
    void anOwnerThatFindsItsWaitClaimedDoesNotHoldTheOnlyCarrier() throws Exception {
        String out = runOnOneCarrier("claimWindow");
        assertTrue(out.contains("claimWindow: received 42, interrupt kept true"), out);
    }

    @Test
    void manyGoroutinesOnFewChannelsUnderADetectorLikeListenerFinishAndOrderEveryMessage() throws Exception {
        String out = runOnOneCarrier("stress");
        assertTrue(out.contains("unordered 0"), out);
    }

    /** Runs a scenario in a child JVM with one carrier; its output, after checking it exited 0 in time. */
    private static String runOnOneCarrier(String scenario) throws Exception {
        ChildJvm.Result r = ChildJvm.run(
                List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"),
                OneCarrierScenarios.class, 120, scenario);
        assertTrue(r.ended(), scenario + " hung on one carrier (killed after 120 s):\n" + r.output());
        assertEquals(0, r.exitCode(), scenario + " failed:\n" + r.output());
        return r.output();
    }
}
