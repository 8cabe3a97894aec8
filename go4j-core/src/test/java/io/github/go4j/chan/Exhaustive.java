package io.github.go4j.chan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Walks every sequence of choices a test body makes, as the helper of Go's reflect TestSelect and
 * test/chan/select5.go do: each {@link #next()} round replays the choices of the previous round except the
 * last one that can still advance. Each choice starts at a random offset, so a run cut short after a fixed
 * number of rounds still covers the space stochastically.
 *
 * <pre>{@code
 * Exhaustive x = new Exhaustive(seed);
 * while (x.next()) { boolean a = x.maybe(); int k = x.choose(3); ... }
 * }</pre>
 */
public final class Exhaustive {

    private record Choice(int offset, int n, int max) {}

    private final Random random;
    private List<Choice> last;
    private int pos;

    public Exhaustive(long seed) {
        this.random = new Random(seed);
    }

    /** Starts the next round; false once every sequence of choices has been made. */
    public boolean next() {
        pos = 0;
        if (last == null) {
            last = new ArrayList<>();
            return true;
        }
        for (int i = last.size() - 1; i >= 0; i--) {
            Choice c = last.get(i);
            if (c.n + 1 < c.max) {
                last.set(i, new Choice(c.offset, c.n + 1, c.max));
                last.subList(i + 1, last.size()).clear();
                return true;
            }
        }
        return false;
    }

    /** A number in [0, max); across rounds, every one. */
    public int choose(int max) {
        if (pos >= last.size()) last.add(new Choice(random.nextInt(max), 0, max));
        Choice c = last.get(pos++);
        if (c.max != max) throw new IllegalStateException("inconsistent use of Exhaustive");
        return (c.n + c.offset) % max;
    }

    /** True or false; across rounds, both. */
    public boolean maybe() {
        return choose(2) == 1;
    }
}
