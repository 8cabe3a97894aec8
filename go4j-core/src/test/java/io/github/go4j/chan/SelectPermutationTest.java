package io.github.go4j.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Select#permutation}: the order in which a select's quick pass visits its cases. */
@Timeout(30)
class SelectPermutationTest {

    /** Element k of the permutation packed in {@code perm}. */
    private static int at(long perm, int k) {
        return (int) (perm >>> (4 * k)) & 15;
    }

    @Test
    void everyDrawIsAPermutationOfTheFirstNIndices() {
        for (int n = 1; n <= 16; n++) {
            for (int draw = 0; draw < 2_000; draw++) {
                long perm = Select.permutation(n);
                int seen = 0;
                for (int k = 0; k < n; k++) {
                    int e = at(perm, k);
                    assertTrue(e < n, "n=" + n + ": element " + e + " out of range");
                    seen |= 1 << e;
                }
                assertEquals((1 << n) - 1, seen, "n=" + n + ": not a permutation: " + Long.toHexString(perm));
            }
        }
    }

    @Test
    void allTwentyFourOrdersOfFourCasesAreEquallyLikely() {
        int trials = 240_000;
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < trials; i++) counts.merge(Select.permutation(4) & 0xFFFF, 1, Integer::sum);
        assertEquals(24, counts.size(), "orders seen: " + counts.keySet());
        double p = 1.0 / 24;
        double sigma = Math.sqrt(trials * p * (1 - p));
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            assertTrue(Math.abs(e.getValue() - trials * p) <= 6 * sigma,
                    "order " + Long.toHexString(e.getKey()) + " drawn " + e.getValue() + " times of " + trials);
        }
    }

    @Test
    void withSixteenCasesEachComesFirstAndLastEquallyOften() {
        int trials = 160_000;
        int[] first = new int[16];
        int[] last = new int[16];
        for (int i = 0; i < trials; i++) {
            long perm = Select.permutation(16);
            first[at(perm, 0)]++;
            last[at(perm, 15)]++;
        }
        double p = 1.0 / 16;
        double sigma = Math.sqrt(trials * p * (1 - p));
        for (int e = 0; e < 16; e++) {
            assertTrue(Math.abs(first[e] - trials * p) <= 6 * sigma, "case " + e + " first " + first[e] + " times");
            assertTrue(Math.abs(last[e] - trials * p) <= 6 * sigma, "case " + e + " last " + last[e] + " times");
        }
    }
}
