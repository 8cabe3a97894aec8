package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A select decided by its first pass (a case ready, or the default when none is) allocates nothing: the
 * cases' visiting order is a permutation packed in a long, and only a select that must lock its channels
 * together or wait builds anything.
 */
@Timeout(60)
class SelectAllocationTest {

    private static final int ROUNDS = 50_000;

    @Test
    @SuppressWarnings("unchecked")
    void aSelectDecidedByItsFirstPassAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Chan<Integer> a = Chan.make(16);
        Chan<Integer> b = Chan.make(16);
        Chan<Integer> idle1 = Chan.make(16);
        Chan<Integer> idle2 = Chan.make();
        Case<Integer>[] twoReady = new Case[] {Case.recv(a, v -> v), Case.recv(b, v -> v)};
        Case<Integer>[] noneReady = new Case[] {Case.recv(idle1, v -> v), Case.recv(idle2, v -> v), Case.otherwise(() -> -1)};
        Integer one = 1;
        long sum = 0;
        for (int warm = 0; warm < 3; warm++) sum += rounds(a, b, one, twoReady, noneReady);
        long before = threads.getCurrentThreadAllocatedBytes();
        sum += rounds(a, b, one, twoReady, noneReady);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(4L * ROUNDS * (1 + 1 - 1), sum);
        assertTrue(allocated < ROUNDS, allocated + " bytes allocated by " + 2 * ROUNDS + " selects (and their sends)");
    }

    /** {@link #ROUNDS} times: a send on each of a and b and a select that receives one, then one that finds none ready. */
    private static long rounds(Chan<Integer> a, Chan<Integer> b, Integer one, Case<Integer>[] twoReady, Case<Integer>[] noneReady)
            throws InterruptedException {
        long sum = 0;
        for (int i = 0; i < ROUNDS; i++) {
            a.send(one);
            b.send(one);
            sum += Select.select(twoReady);
            sum += Select.select(twoReady);
            sum += Select.select(noneReady);
        }
        return sum;
    }
}
