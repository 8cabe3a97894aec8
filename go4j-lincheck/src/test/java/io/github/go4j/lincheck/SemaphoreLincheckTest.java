package io.github.go4j.lincheck;

import io.github.go4j.sync.Semaphore;
import org.jetbrains.lincheck.datastructures.LongGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The weighted semaphore's non-blocking operations are linearizable with respect to a counter of units
 * held out of {@value #SIZE}: {@code tryAcquire(n)} succeeds exactly when {@code n} units are free (nobody
 * waits in these scenarios), {@code release(n)} of more than is held throws and changes nothing.
 */
@Param(name = "n", gen = LongGen.class, conf = "0:3")
public class SemaphoreLincheckTest extends LinearizabilityCheck {

    static final long SIZE = 3;

    private final Semaphore sem = new Semaphore(SIZE);

    @Operation
    public boolean tryAcquire(@Param(name = "n") long n) {
        return sem.tryAcquire(n);
    }

    @Operation
    public void release(@Param(name = "n") long n) {
        sem.release(n);
    }

    @Override
    Class<?> sequentialModel() {
        return Model.class;
    }

    /** The sequential specification: a count of held units. */
    public static final class Model {
        private long held;

        public boolean tryAcquire(long n) {
            if (SIZE - held < n) return false;
            held += n;
            return true;
        }

        public void release(long n) {
            if (held - n < 0) throw new IllegalStateException("semaphore: released more than held");
            held -= n;
        }
    }
}
