package io.github.go4j.lincheck;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Lincheck test: the subclass declares the operations ({@code @Operation} methods on one instance of the
 * structure under test) and names the sequential model they must agree with; this class runs both Lincheck
 * modes. Scenarios are small (2 operations first, 3 threads × 3 operations, 2 more after), which is where
 * interleaving bugs of small structures show, and the iteration counts keep each check to seconds.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class LinearizabilityCheck {

    /** The sequential specification: a class with the same operations, run one at a time. */
    abstract Class<?> sequentialModel();

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .iterations(20).invocationsPerIteration(2_000)
                .sequentialSpecification(sequentialModel()).check(getClass());
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .iterations(20).invocationsPerIteration(500)
                .sequentialSpecification(sequentialModel()).check(getClass());
    }
}
