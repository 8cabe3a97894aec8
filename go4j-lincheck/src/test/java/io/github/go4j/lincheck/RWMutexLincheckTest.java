package io.github.go4j.lincheck;

import io.github.go4j.sync.RWMutex;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * {@link RWMutex}'s non-blocking operations are linearizable with respect to "a writer, or n readers, or
 * free": {@code tryLock} succeeds only when free, {@code tryRLock} only when no writer holds it (nobody waits
 * in these scenarios), and an unlock of the wrong kind throws and changes nothing.
 */
public class RWMutexLincheckTest extends LinearizabilityCheck {

    private final RWMutex rw = new RWMutex();

    @Operation
    public boolean tryLock() {
        return rw.tryLock();
    }

    @Operation
    public void unlock() {
        rw.unlock();
    }

    @Operation
    public boolean tryRLock() {
        return rw.tryRLock();
    }

    @Operation
    public void rUnlock() {
        rw.rUnlock();
    }

    @Override
    Class<?> sequentialModel() {
        return Model.class;
    }

    /** The sequential specification: -1 for a writer, n > 0 readers, 0 free. */
    public static final class Model {
        private int holders;

        public boolean tryLock() {
            if (holders != 0) return false;
            holders = -1;
            return true;
        }

        public void unlock() {
            if (holders != -1) throw new IllegalStateException("sync: Unlock of unlocked RWMutex");
            holders = 0;
        }

        public boolean tryRLock() {
            if (holders < 0) return false;
            holders++;
            return true;
        }

        public void rUnlock() {
            if (holders <= 0) throw new IllegalStateException("sync: RUnlock of unlocked RWMutex");
            holders--;
        }
    }
}
