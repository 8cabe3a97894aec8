package io.github.go4j.race.internal.engine;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values: the detector's shadow
 * state for what it cannot add a field to (arrays, JDK objects used for synchronisation, threads).
 *
 * <p>Implementation note. Striped: the key's identity hash picks one of {@code SEGMENTS} segments, each
 * a chained hash table guarded by its own monitor (a leaf lock: no other code runs while it is held,
 * in particular no {@code equals}/{@code hashCode} of the key). {@link #getOrMiss} reads without the
 * lock: a racing insert or resize can make it miss (never return a wrong value: a key is compared by
 * identity and an entry's value is only ever set once before publication or changed under the lock),
 * so it serves only lookups that fall back to {@link #computeIfAbsent}. Tables are powers of two long
 * (a slot is a mask of the hash), and keys are compared with {@code refersTo}, which unlike
 * {@code get} costs no keep-alive barrier. Entries whose key was collected are
 * removed from the segment's reference queue on the next write to that segment. A value must not
 * refer strongly to its key, or the entry is never collected.
 */
public final class WeakIdentityMap<V> {
    private static final int SEGMENTS = 64;

    private final Segment<V>[] segments;

    @SuppressWarnings("unchecked")
    public WeakIdentityMap() {
        segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) segments[i] = new Segment<>();
    }

    private static int hash(Object key) {
        int h = System.identityHashCode(key);
        return h ^ (h >>> 16);
    }

    private Segment<V> segment(int h) {
        return segments[(h >>> 8) & (SEGMENTS - 1)];
    }

    /** The value for {@code key}, or null. */
    public V get(Object key) {
        int h = hash(key);
        return segment(h).get(key, h);
    }

    /**
     * The value for {@code key}, or null, without taking the lock: it may miss an entry being added or
     * moved at the same moment, so a null must be followed by {@link #computeIfAbsent}.
     */
    public V getOrMiss(Object key) {
        int h = hash(key);
        return segment(h).getOrMiss(key, h);
    }

    /** The value for {@code key}, created with {@code create} (under the segment lock: it must be trivial). */
    public V computeIfAbsent(Object key, Function<Object, V> create) {
        int h = hash(key);
        return segment(h).computeIfAbsent(key, h, create);
    }

    /** Associates {@code value} with {@code key}. */
    public void put(Object key, V value) {
        int h = hash(key);
        segment(h).put(key, h, value);
    }

    /** Removes {@code key}'s entry. */
    public void remove(Object key) {
        int h = hash(key);
        segment(h).remove(key, h);
    }

    /** Entries currently held (stale ones included until expunged). */
    public int size() {
        int n = 0;
        for (Segment<V> s : segments) n += s.size();
        return n;
    }

    private static final class Entry<V> extends WeakReference<Object> {
        final int hash;
        V value;
        Entry<V> next;

        Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> q) {
            super(key, q);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }

    private static final class Segment<V> {
        private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
        @SuppressWarnings("unchecked")
        private volatile Entry<V>[] table = new Entry[16];
        private int count;

        V getOrMiss(Object key, int h) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[h & (t.length - 1)]; e != null; e = e.next) {
                if (e.hash == h && e.refersTo(key)) return e.value;
            }
            return null;
        }

        synchronized V get(Object key, int h) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[h & (t.length - 1)]; e != null; e = e.next) {
                if (e.hash == h && e.refersTo(key)) return e.value;
            }
            return null;
        }

        synchronized V computeIfAbsent(Object key, int h, Function<Object, V> create) {
            V v = get(key, h);
            if (v != null) return v;
            v = create.apply(key);
            insert(key, h, v);
            return v;
        }

        synchronized void put(Object key, int h, V value) {
            Entry<V>[] t = table;
            for (Entry<V> e = t[h & (t.length - 1)]; e != null; e = e.next) {
                if (e.hash == h && e.refersTo(key)) {
                    e.value = value;
                    return;
                }
            }
            insert(key, h, value);
        }

        synchronized void remove(Object key, int h) {
            Entry<V>[] t = table;
            int i = h & (t.length - 1);
            Entry<V> prev = null;
            for (Entry<V> e = t[i]; e != null; prev = e, e = e.next) {
                if (e.hash == h && e.refersTo(key)) {
                    unlink(i, prev, e);
                    return;
                }
            }
        }

        synchronized int size() {
            return count;
        }

        private void unlink(int i, Entry<V> prev, Entry<V> e) {
            if (prev == null) table[i] = e.next;
            else prev.next = e.next;
            e.value = null;
            count--;
        }

        private void insert(Object key, int h, V value) {
            expunge();
            if (count >= table.length * 3 / 4) resize();
            Entry<V>[] t = table;
            int i = h & (t.length - 1);
            t[i] = new Entry<>(key, h, value, t[i], queue);
            count++;
        }

        private void expunge() {
            for (Object r; (r = queue.poll()) != null; ) {
                @SuppressWarnings("unchecked")
                Entry<V> dead = (Entry<V>) r;
                Entry<V>[] t = table;
                int i = dead.hash & (t.length - 1);
                Entry<V> prev = null;
                for (Entry<V> e = t[i]; e != null; prev = e, e = e.next) {
                    if (e == dead) {
                        unlink(i, prev, e);
                        break;
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void resize() {
            Entry<V>[] old = table;
            Entry<V>[] t = new Entry[old.length * 2];
            for (Entry<V> head : old) {
                for (Entry<V> e = head; e != null; ) {
                    Entry<V> next = e.next;
                    int i = e.hash & (t.length - 1);
                    e.next = t[i];
                    t[i] = e;
                    e = next;
                }
            }
            table = t;
        }
    }
}
