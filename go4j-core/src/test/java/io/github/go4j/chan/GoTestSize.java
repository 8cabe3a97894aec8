package io.github.go4j.chan;

/**
 * Iteration counts of the ported Go tests. By default the suite uses Go's {@code -short} numbers where Go's
 * full ones would take longer than this suite's budget; {@code -Dgo4j.test.long=true} runs Go's full numbers.
 */
public final class GoTestSize {
    private GoTestSize() {}

    /** True when {@code -Dgo4j.test.long=true}: run Go's full iteration counts. */
    public static final boolean LONG = Boolean.getBoolean("go4j.test.long");

    /** {@code full} under {@code -Dgo4j.test.long=true}, otherwise {@code reduced}. */
    public static int pick(int full, int reduced) {
        return LONG ? full : reduced;
    }
}
