package io.github.go4j.chan.internal;

import java.lang.management.ManagementFactory;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * Whether the virtual-thread scheduler has runnable virtual threads queued, read through the JDK's
 * public {@link VirtualThreadSchedulerMXBean} (a scan of the scheduler's work queues, no lock).
 *
 * <p>A waiting virtual thread may spin only while nothing is queued: the goroutine that would end the
 * wait is then running on another carrier (or not at all), and spinning lets the hand-off complete
 * without unmounting. When something is queued it may well be that very goroutine, queued behind the
 * waiter on the same carrier, and a spin would only delay it. The JDK's own {@code SynchronousQueue}
 * makes the same decision with a package-private per-carrier check; this one is scheduler-wide, so
 * it is more conservative (it also declines to spin when another carrier has queued work).
 *
 * <p>Cost (measured on the 2-core development machine): 9–27 ns a call; looking the bean up, once,
 * when the first eligible wait loads this class, 6–10 ms.
 */
final class SchedulerLoad {
    /** Null if the platform has no such bean: then every wait counts as busy and nothing spins. */
    private static final VirtualThreadSchedulerMXBean SCHEDULER = find();

    private SchedulerLoad() {}

    /**
     * True if at least one virtual thread is queued to run (an estimate, as the JDK's is), and also
     * when the count is unavailable (the bean answers -1, or there is none).
     */
    static boolean hasQueuedWork() {
        VirtualThreadSchedulerMXBean scheduler = SCHEDULER;
        return scheduler == null || scheduler.getQueuedVirtualThreadCount() != 0;
    }

    private static VirtualThreadSchedulerMXBean find() {
        try {
            return ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
