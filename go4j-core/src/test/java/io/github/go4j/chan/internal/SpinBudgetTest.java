package io.github.go4j.chan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SpinBudgetTest {

    @Test
    void aWaitThatEndsWhileSpinningRestoresTheFullBudget() {
        assertEquals(SpinBudget.MAX, SpinBudget.next(SpinBudget.MIN, Parker.SPIN_ENDED));
        assertEquals(SpinBudget.MAX, SpinBudget.next(-5, Parker.SPIN_ENDED));
    }

    @Test
    void failedSpinsHalveTheBudgetThenStopSpinning() {
        int state = SpinBudget.INITIAL;
        int failures = 0;
        while (SpinBudget.toSpin(state) > 0 && failures < 100) {
            int before = SpinBudget.toSpin(state);
            state = SpinBudget.next(state, Parker.SPIN_FAILED);
            failures++;
            if (state >= 0) assertEquals(before / 2, SpinBudget.toSpin(state));
        }
        assertEquals(Integer.numberOfTrailingZeros(SpinBudget.MAX / SpinBudget.MIN) + 1, failures);
        assertEquals(0, SpinBudget.toSpin(state));
    }

    @Test
    void aWaitThatDidNotSpinLeavesTheBudgetAlone() {
        assertEquals(64, SpinBudget.next(64, Parker.SPIN_SKIPPED));
    }

    @Test
    void withoutABudgetOneWaitInEveryProbePeriodSpinsAFewRounds() {
        int state = SpinBudget.next(SpinBudget.MIN, Parker.SPIN_FAILED);
        int probes = 0;
        for (int wait = 0; wait < 10 * SpinBudget.PROBE_EVERY; wait++) {
            int spin = SpinBudget.toSpin(state);
            if (spin > 0) {
                assertEquals(SpinBudget.MIN, spin);
                probes++;
            }
            state = SpinBudget.next(state, spin > 0 ? Parker.SPIN_FAILED : Parker.SPIN_SKIPPED);
        }
        assertEquals(10, probes);
        // a probe that succeeds brings the full budget back
        while (SpinBudget.toSpin(state) == 0) state = SpinBudget.next(state, Parker.SPIN_SKIPPED);
        assertEquals(SpinBudget.MAX, SpinBudget.next(state, Parker.SPIN_ENDED));
    }

    @Test
    @Timeout(30)
    void schedulerLoadSeesVirtualThreadsQueuedBehindBusyCarriers() throws InterruptedException {
        AtomicBoolean release = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        int n = 4 * Runtime.getRuntime().availableProcessors() + 4;
        try {
            for (int i = 0; i < n; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (!release.get()) Thread.onSpinWait();
                }));
            }
            // more busy virtual threads than carriers: some stay queued until released
            assertTrue(eventually(SchedulerLoad::hasQueuedWork), "queued work not seen");
        } finally {
            release.set(true);
            for (Thread t : threads) t.join(Duration.ofSeconds(10));
        }
        assertTrue(eventually(() -> !SchedulerLoad.hasQueuedWork()), "queue never drained");
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(1);
        }
        return false;
    }
}
