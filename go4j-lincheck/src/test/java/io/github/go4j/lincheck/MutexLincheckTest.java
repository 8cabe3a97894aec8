package io.github.go4j.lincheck;

import io.github.go4j.sync.Mutex;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * {@link Mutex}'s {@code tryLock} and {@code unlock} are linearizable with respect to one flag: a try
 * succeeds exactly when the mutex is unlocked, and an unlock of an unlocked mutex throws and changes nothing
 * (Go's mutex is not tied to a goroutine, so any thread may unlock).
 */
public class MutexLincheckTest extends LinearizabilityCheck {

    private final Mutex mutex = new Mutex();

    @Operation
    public boolean tryLock() {
        return mutex.tryLock();
    }

    @Operation
    public void unlock() {
        mutex.unlock();
    }

    @Override
    Class<?> sequentialModel() {
        return Model.class;
    }

    /** The sequential specification: locked or not. */
    public static final class Model {
        private boolean locked;

        public boolean tryLock() {
            if (locked) return false;
            locked = true;
            return true;
        }

        public void unlock() {
            if (!locked) throw new IllegalStateException("sync: unlock of unlocked mutex");
            locked = false;
        }
    }
}
