package io.github.go4j.race.internal.engine;

/** Told of each conflicting pair of accesses that happens-before does not order. */
@FunctionalInterface
public interface RaceObserver {
    /**
     * @param t the thread making the current access, at {@code site}
     * @param write whether the current access is a write
     * @param prevStamp the earlier access's stamp (its thread and clock)
     * @param prevSite the earlier access's code site
     * @param prevWrite whether the earlier access was a write
     * @param array the array when the variable is an array element, else null
     * @param index the element's index
     */
    void race(ThreadClock t, int site, boolean write, long prevStamp, int prevSite, boolean prevWrite,
              Object array, int index);
}
