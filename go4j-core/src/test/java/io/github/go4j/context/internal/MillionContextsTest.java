package io.github.go4j.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million live contexts, each with its own deadline, cancelled through one root: no thread per context or
 * deadline, bounded memory per context, and every timer entry gone once they are cancelled.
 */
class MillionContextsTest {
    static final int N = 1_000_000;

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    @Test
    @Timeout(60)
    void aMillionDeadlinesCancelledThroughOneRoot() {
        long threadsBefore = Thread.activeCount();
        long heapBefore = usedHeap();
        CancelContext root = Context.withCancel(Context.background());
        CancelContext[] children = new CancelContext[N];
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) children[i] = Context.withTimeout(root, Duration.ofHours(1).plusNanos(i));
        long created = System.nanoTime() - t0;
        long heapLive = usedHeap();
        long perContext = (heapLive - heapBefore) / N;
        System.out.printf("1M contexts with deadlines: created in %d ms, %d bytes each (with timer entry)%n",
                created / 1_000_000, perContext);
        assertTrue(perContext < 400, "bytes per context with a deadline: " + perContext);
        assertTrue(Thread.activeCount() <= threadsBefore + 2, "no thread per context or deadline");
        assertEquals(N, ((CancelNode) root).childCount());

        t0 = System.nanoTime();
        root.cancel();
        long cancelled = System.nanoTime() - t0;
        System.out.printf("cancelled through the root in %d ms%n", cancelled / 1_000_000);
        for (CancelContext c : children) assertSame(Context.CANCELED, c.err());
        assertEquals(0, ((CancelNode) root).childCount());

        children = null;
        long heapAfter = usedHeap();
        // The timer heap must not keep the cancelled contexts alive.
        assertTrue(heapAfter - heapBefore < 20L * N, "left behind after cancel: " + (heapAfter - heapBefore) + " bytes");
        assertTrue(created + cancelled < Duration.ofSeconds(40).toNanos());
    }
}
