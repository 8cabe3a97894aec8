package io.github.go4j.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The batch sizes and values every benchmark shares with its Go twin ({@code go4j-bench/go/bench_test.go}
 * has the same constants).
 *
 * <p><b>Why a batch per invocation.</b> Each {@code @Benchmark} method moves one fixed batch between
 * virtual threads that it starts and joins itself, and declares the batch size in
 * {@code @OperationsPerInvocation}, so that JMH's ns/op is the time per message (or round trip, goroutine,
 * round). Threads are started per invocation rather than kept alive across invocations because then
 * every invocation starts from the same state (empty channel, no parked thread, nothing left over from a
 * timed-out iteration), no benchmark thread can outlive its trial and hang the fork, and the shape is
 * exactly what a Go benchmark does (start goroutines, move N values, wait). The start and join of a
 * handful of virtual threads costs a few microseconds, well under 1% of a batch of {@link #MESSAGES}.
 */
final class Batch {

    /** Round trips per ping-pong invocation. */
    static final int PING_PONG_ROUNDS = 10_000;
    /** Messages per invocation of the transfer and select workloads. */
    static final int MESSAGES = 100_000;
    /** Goroutines started per spawn invocation. */
    static final int SPAWN_GOROUTINES = 10_000;
    /** Goroutines waiting on one cancellation. */
    static final int CANCEL_WAITERS = 1_000;
    /** Cancellation rounds per invocation (so that the driver thread's own start is amortised). */
    static final int CANCEL_ROUNDS = 10;
    /** Non-blocking selects per invocation. */
    static final int SELECT_DEFAULT_OPS = 100_000;
    /** trySend/tryRecv attempts per invocation, over all four threads. */
    static final int TRY_OPS = 100_000;

    private static final int MASK = 1023;
    private static final Integer[] BOXES = new Integer[MASK + 1];

    static {
        for (int i = 0; i <= MASK; i++) BOXES[i] = i;
    }

    private Batch() {}

    /**
     * The value sent as the {@code i}-th message: preallocated boxes, so that no peer allocates per message
     * (Go sends plain ints).
     */
    static Integer value(int i) {
        return BOXES[i & MASK];
    }

    /** The sum of {@code value(0) .. value(n-1)}: what the receivers of a batch of n must have added up. */
    static long sumOfValues(int n) {
        long full = n / (MASK + 1);
        long rest = n % (MASK + 1);
        return full * ((long) MASK * (MASK + 1) / 2) + rest * (rest - 1) / 2;
    }

    /** Waits for {@code latch}, or throws if it has not opened within a minute (a peer lost a wake-up). */
    static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a benchmark thread is stuck: " + latch.getCount() + " never arrived");
        }
    }

    /** Throws when a batch's checksum is wrong: a peer lost or duplicated messages. */
    static long check(String what, long got, long want) {
        if (got != want) throw new IllegalStateException(what + ": got " + got + ", want " + want);
        return got;
    }
}
