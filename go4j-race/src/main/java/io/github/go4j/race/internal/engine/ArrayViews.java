package io.github.go4j.race.internal.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;

/**
 * Arrays' shadow state and each thread's cache of its {@link ArrayView}s.
 *
 * <p>Implementation note. An array's shadow (a {@code VarState[]} as long as the array) lives in a weak
 * identity map, made once per array under the map's segment lock, so every thread finds the same one.
 * A thread reaches it through its two most recent views (a loop often reads one array and writes
 * another), then through a two-way set-associative table of views keyed by identity hash (most recent
 * first in each set), then the map. The table starts small (a million virtual threads may each touch an
 * array) and grows fourfold, keeping its views, up to {@link #TABLE_MAX}, each time the thread has
 * missed eight times its size. Only the owning thread reads or writes its views and table.
 */
public final class ArrayViews {
    private static final WeakIdentityMap<VarState[]> SHADOWS = new WeakIdentityMap<>();
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(VarState[].class);
    private static final int TABLE_MIN = 16;
    private static final int TABLE_MAX = 16384;
    /** Arrays up to this long get every element's state at once (their accesses then never allocate). */
    private static final int EAGER_SHADOW = 4096;

    private ArrayViews() {}

    /**
     * {@code t}'s view of {@code array} if it is one of the thread's two most recently missed, else null.
     * Small and without stores, to be inlined into every array access.
     */
    public static ArrayView recent(ThreadClock t, Object array) {
        ArrayView v = t.lastView;
        if (v != null && v.array == array) return v;
        v = t.lastView2;
        return v != null && v.array == array ? v : null;
    }

    /** {@code t}'s view of {@code array}, made when the thread has none; it becomes the most recent. */
    public static ArrayView of(ThreadClock t, Object array) {
        ArrayView v = recent(t, array);
        if (v != null) return v;
        v = lookup(t, array);
        t.lastView2 = t.lastView;
        t.lastView = v;
        return v;
    }

    private static ArrayView lookup(ThreadClock t, Object array) {
        ArrayView[] table = t.views;
        if (table == null) t.views = table = new ArrayView[TABLE_MIN];
        int h = System.identityHashCode(array);
        int i = setOf(h, table.length);
        ArrayView first = table[i];
        if (first != null && first.array == array) return first;
        ArrayView second = table[i + 1];
        if (second != null && second.array == array) {
            table[i] = second;
            table[i + 1] = first;
            return second;
        }
        ArrayView v = new ArrayView(array, shadowOf(array));
        if (++t.viewMisses > table.length / 2 && table.length < TABLE_MAX) {
            t.viewMisses = 0;
            table = grow(t, table);
            i = setOf(h, table.length);
            first = table[i];
            second = table[i + 1];
        }
        if (second != null) second.dropped(t);
        table[i + 1] = first;
        table[i] = v;
        return v;
    }

    /** The first slot of the two-entry set for identity hash {@code h}. */
    private static int setOf(int h, int length) {
        return (h ^ (h >>> 16)) & (length - 2);
    }

    private static ArrayView[] grow(ThreadClock t, ArrayView[] old) {
        ArrayView[] table = new ArrayView[old.length * 4];
        for (int j = 0; j < old.length; j++) { // the less recent of each set first, so that each set keeps its order
            ArrayView v = old[j ^ 1];
            if (v == null) continue;
            int i = setOf(System.identityHashCode(v.array), table.length);
            if (table[i] != null) {
                if (table[i + 1] != null) table[i + 1].dropped(t);
                table[i + 1] = table[i];
            }
            table[i] = v;
        }
        t.views = table;
        return table;
    }

    /** The shadow of {@code array}, made on first use. */
    static VarState[] shadowOf(Object array) {
        VarState[] shadow = SHADOWS.getOrMiss(array);
        return shadow != null ? shadow : SHADOWS.computeIfAbsent(array, ArrayViews::newShadow);
    }

    /**
     * A new array's shadow: for a short array, one state per element at once; for a long one (a large
     * buffer may be touched in a few places only) each element's is made on its first access.
     */
    private static VarState[] newShadow(Object array) {
        int n = Array.getLength(array);
        VarState[] shadow = new VarState[n];
        if (n <= EAGER_SHADOW) {
            for (int i = 0; i < n; i++) shadow[i] = new VarState();
        }
        return shadow;
    }

    /** The state of element {@code index} (in bounds) of {@code shadow}, made on first use. */
    public static VarState element(VarState[] shadow, int index) {
        VarState s = shadow[index];
        if (s != null) return s;
        // by CAS: two threads whose first accesses to the element race must share one state
        ELEMENT.compareAndSet(shadow, index, (VarState) null, new VarState());
        return (VarState) ELEMENT.getVolatile(shadow, index);
    }

    /** Forgets {@code t}'s views (its thread has ended). */
    static void forget(ThreadClock t) {
        t.lastView = null;
        t.lastView2 = null;
        t.views = null;
        t.markWords = 0;
    }
}
