package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The happens-before rules of {@link Chan} (Go's memory model), checked with plain (non-volatile) fields that
 * only the channel orders. Each check is also functional: where the edge requires a send to block until a
 * receive, a channel that let it through early fails the check whatever the hardware's memory ordering.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoryModelTest {

    private static final int N = 10_000;

    /** A message whose fields are plain and set after construction: only the channel publishes them. */
    static final class Box {
        int a;
        long b;
        String s;
        int[] array;
    }

    /** "A send on a channel happens-before the corresponding receive from that channel completes." */
    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void writesBeforeASendAreSeenAfterTheReceive(ChanKind kind) throws Exception {
        Chan<Box> c = kind.make();
        int[] side = new int[N]; // plain array written before each send, read after each receive
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                for (int i = 0; i < N; i++) {
                    Box box = new Box();
                    box.a = i;
                    box.b = 2L * i;
                    box.s = "v" + i;
                    box.array = new int[] {i, i + 1};
                    side[i] = i + 1;
                    c.send(box);
                }
            });
            for (int i = 0; i < N; i++) {
                Box box = c.recv();
                if (box.a != i || box.b != 2L * i || !("v" + i).equals(box.s) || box.array[1] != i + 1) {
                    throw new AssertionError("message " + i + " seen half-written");
                }
                assertEquals(i + 1, side[i], "write before send " + i + " not visible after its receive");
            }
            g.join();
        }
    }

    /**
     * "The k-th receive on a channel with capacity C happens-before the (k+C)-th send from that channel
     * completes" (for C = 0: a receive happens-before the matching send completes). The receiver writes
     * mark[k] just before its k-th receive; the sender reads it just after its (k+C)-th send returns.
     */
    @ParameterizedTest
    @EnumSource(ChanKind.class)
    void theKthReceiveHappensBeforeTheKPlusCthSendCompletes(ChanKind kind) throws Exception {
        Chan<Integer> c = kind.make();
        final int cap = kind.capacity;
        int[] mark = new int[N + 1];
        try (GoroutineScope g = new GoroutineScope()) {
            g.go(() -> {
                for (int k = 1; k <= N; k++) {
                    mark[k] = k; // before the k-th receive
                    c.recv();
                }
            });
            for (int s = 1; s <= N; s++) {
                c.send(s);
                int k = s - cap; // the send just completed is the (k+C)-th
                if (k >= 1 && mark[k] != k) {
                    throw new AssertionError("send " + s + " completed before receive " + k + " (cap " + cap + ")");
                }
            }
            g.join();
        }
    }

    /** "The closing of a channel happens-before a receive that returns because the channel is closed." */
    @Test
    void writesBeforeCloseAreSeenByAReceiveThatObservesTheClose() throws Exception {
        final int rounds = 5_000;
        for (ChanKind kind : ChanKind.values()) {
            Box[] boxes = new Box[rounds];
            @SuppressWarnings("unchecked")
            Chan<Integer>[] chans = new Chan[rounds];
            for (int i = 0; i < rounds; i++) {
                boxes[i] = new Box();
                chans[i] = kind.make();
            }
            try (GoroutineScope g = new GoroutineScope()) {
                g.go(() -> {
                    for (int i = 0; i < rounds; i++) {
                        boxes[i].a = i + 1;
                        boxes[i].s = "closed " + i;
                        chans[i].close();
                    }
                });
                for (int i = 0; i < rounds; i++) {
                    Received<Integer> r = chans[i].recvOk();
                    assertEquals(new Received<>(null, false), r);
                    if (boxes[i].a != i + 1 || !("closed " + i).equals(boxes[i].s)) {
                        throw new AssertionError(kind + ": write before close " + i + " not visible after the closed receive");
                    }
                }
                g.join();
            }
        }
    }

    /**
     * Go memory model, "Channel communication", the unbuffered example: {@code a = "hello"; <-c} in f and
     * {@code go f(); c <- 0; print(a)} in main must print "hello".
     */
    @Test
    void goMemoryModelUnbufferedExample() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            Chan<Integer> c = Chan.make();
            String[] a = new String[1];
            try (GoroutineScope g = new GoroutineScope()) {
                g.go(() -> {
                    a[0] = "hello";
                    c.recv();
                });
                c.send(0);
                assertEquals("hello", a[0]);
            }
        }
    }

    /** The same example with a buffered channel in the other direction: {@code c <- 0} in f, {@code <-c} in main. */
    @Test
    void goMemoryModelBufferedExample() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            Chan<Integer> c = Chan.make(10);
            String[] a = new String[1];
            try (GoroutineScope g = new GoroutineScope()) {
                g.go(() -> {
                    a[0] = "hello, world";
                    c.send(0);
                });
                c.recv();
                assertEquals("hello, world", a[0]);
            }
        }
    }

    /**
     * Go memory model: a buffered channel as a counting semaphore ({@code limit <- 1; w(); <-limit}) never
     * lets more than its capacity run at once; this is the k-th receive / (k+C)-th send rule at work.
     */
    @Test
    void aBufferedChannelIsACountingSemaphore() throws Exception {
        final int limit = 3;
        Chan<Integer> sem = Chan.make(limit);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (GoroutineScope g = new GoroutineScope()) {
            for (int w = 0; w < 50; w++) {
                g.go(() -> {
                    for (int i = 0; i < 200; i++) {
                        sem.send(1);
                        int now = running.incrementAndGet();
                        maxRunning.accumulateAndGet(now, Math::max);
                        if (now > limit) throw new AssertionError(now + " running at once, limit " + limit);
                        Thread.yield();
                        running.decrementAndGet();
                        done.incrementAndGet();
                        sem.recv();
                    }
                });
            }
            g.join();
        }
        assertEquals(50 * 200, done.get());
        assertTrue(maxRunning.get() <= limit);
    }

    /** A channel of capacity 1 as a mutex: a plain counter incremented under it loses no update. */
    @Test
    void aChannelOfCapacityOneIsAMutex() throws Exception {
        Chan<Boolean> mutex = Chan.make(1);
        int[] counter = new int[1];
        final int goroutines = 8;
        final int increments = 5_000;
        try (GoroutineScope g = new GoroutineScope()) {
            for (int w = 0; w < goroutines; w++) {
                g.go(() -> {
                    for (int i = 0; i < increments; i++) {
                        mutex.send(true); // lock
                        counter[0]++;
                        mutex.recv();     // unlock
                    }
                });
            }
            g.join();
        }
        assertEquals(goroutines * increments, counter[0], "increments lost: the channel did not order them");
    }
}
