package io.github.go4j.race.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.go4j.race.RaceLog;
import io.github.go4j.race.internal.engine.FastTrack;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.engine.VarState;
import io.github.go4j.race.internal.runtime.JdkCall;
import io.github.go4j.race.internal.runtime.RaceHooks;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * ReentrantReadWriteLock's edges through the hooks instrumented code calls: a read lock sees earlier
 * write unlocks, a write lock sees earlier unlocks of both, and two read locks do not order each other
 * (whether or not they were held at the same time). The threads run one after another, joined by
 * the JDK, which the engine does not see.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadWriteLockTest {
    @RegisterExtension
    final RaceLog raceLog = new RaceLog();
    private final List<String> races = raceLog.races;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final VarState x = new VarState();


    /** As the instrumented {@code rw.readLock()} / {@code rw.writeLock()}. */
    private Lock view(boolean read) {
        Lock l = read ? rw.readLock() : rw.writeLock();
        RaceHooks.after(l, (read ? JdkCall.RWLOCK_READ : JdkCall.RWLOCK_WRITE).ordinal(), rw, null, null, Threads.current());
        return l;
    }

    /** On a thread of its own (unordered unless the lock orders it): lock, access {@code x}, unlock. */
    private void underLock(boolean read, boolean write, int site) throws InterruptedException {
        Thread t = new Thread(() -> {
            Lock l = view(read);
            RaceHooks.before(JdkCall.LOCK_ACQUIRE.ordinal(), l, null, -1, Threads.current());
            l.lock();
            RaceHooks.after(null, JdkCall.LOCK_ACQUIRE.ordinal(), l, null, null, Threads.current());
            if (write) FastTrack.write(x, Threads.current(), site, null, 0);
            else FastTrack.read(x, Threads.current(), site, null, 0);
            RaceHooks.before(JdkCall.LOCK_RELEASE.ordinal(), l, null, -1, Threads.current());
            l.unlock();
            RaceHooks.after(null, JdkCall.LOCK_RELEASE.ordinal(), l, null, null, Threads.current());
        });
        t.start();
        t.join();
    }

    @Test
    void writesUnderTheWriteLockAreOrderedForReadersAndWriters() throws Exception {
        underLock(false, true, 1);
        underLock(true, false, 2);
        underLock(true, false, 3);
        underLock(false, true, 4); // after both readers' unlocks
        underLock(true, false, 5);
        assertEquals(List.of(), races);
    }

    @Test
    void twoReadLocksDoNotOrderWhatTheirHoldersWrite() throws Exception {
        underLock(true, true, 10);
        underLock(true, true, 11);
        assertEquals(List.of("W10-W11"), races);
    }
}
