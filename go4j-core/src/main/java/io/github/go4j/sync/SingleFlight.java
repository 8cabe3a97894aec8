package io.github.go4j.sync;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Go's {@code golang.org/x/sync/singleflight.Group}: duplicate call suppression. While a call for a key is in
 * flight, further calls for the same key wait for it and get its result instead of running their own.
 *
 * <p>Whatever {@code fn} throws is the call's {@link Result#error()}, delivered to every caller. {@link
 * Result#shared()} is Go's {@code shared}: true if the result was given to more than one caller (for the
 * caller that ran {@code fn}, whether any duplicate joined it). {@link #forget} makes the next call for a key run
 * anew even while an earlier one is in flight.
 *
 * <p><b>Happens-before</b>: the completion of {@code fn} happens-before every caller of that flight gets the
 * result (through a {@link WaitGroup} or a channel send).
 *
 * @param <K> the key type (equality by {@code equals}); keys are not null
 * @param <V> the value type
 */
public final class SingleFlight<K, V> {
    /*
     * Implementation note (x/sync's algorithm). calls maps each key to its flight while fn runs, under this
     * object's monitor. The first caller creates the flight (its WaitGroup at 1) and runs fn; duplicates count
     * themselves (dups) and wait on the WaitGroup, or, for runChan, add a channel of capacity 1. When fn returns,
     * the flight leaves the map (unless forget already removed it), records shared = dups > 0 and counts its
     * WaitGroup down, all under the monitor, so no caller can join a finished flight; then the channels get
     * their results without blocking.
     */

    /**
     * What a call produced: {@code value} or {@code error} (one of them is null, unless {@code fn} returned
     * null), and whether it was shared.
     *
     * @param <V> the value type
     * @param value what {@code fn} returned; null if it threw
     * @param error what {@code fn} threw, or null
     * @param shared whether the result was given to more than one caller
     */
    public record Result<V>(V value, Throwable error, boolean shared) {}

    private static final class Call<V> {
        final WaitGroup wg = new WaitGroup();
        V value;                       // published by wg
        Throwable error;               // published by wg
        int dups;                      // guarded by the group
        List<Chan<Result<V>>> chans;   // guarded by the group
        boolean shared;                // published by wg
    }

    private final Map<K, Call<V>> calls = new HashMap<>(); // guarded by this

    /** A group with no calls in flight. */
    public SingleFlight() {}

    /**
     * Runs {@code fn} for {@code key} unless a call for it is in flight, in which case it waits for that one.
     *
     * @param key the call's key
     * @param fn the function to run if no call for {@code key} is in flight
     * @return the flight's result, given to every caller of that flight
     * @throws NullPointerException if an argument is null
     * @throws InterruptedException if interrupted while waiting for another caller's flight
     */
    public Result<V> run(K key, Callable<V> fn) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fn, "fn");
        Call<V> c;
        boolean duplicate;
        synchronized (this) {
            c = calls.get(key);
            duplicate = c != null;
            if (duplicate) {
                c.dups++;
            } else {
                c = new Call<>();
                c.wg.add(1);
                calls.put(key, c);
            }
        }
        if (duplicate) {
            c.wg.await();
            return new Result<>(c.value, c.error, true);
        }
        call(c, key, fn);
        return new Result<>(c.value, c.error, c.shared);
    }

    /**
     * Like {@link #run}, without blocking: the result arrives on the returned channel (capacity 1, never
     * closed). A new flight runs {@code fn} on its own goroutine.
     *
     * @param key the call's key
     * @param fn the function to run if no call for {@code key} is in flight
     * @return a channel that receives the flight's result once
     * @throws NullPointerException if an argument is null
     */
    public RecvChan<Result<V>> runChan(K key, Callable<V> fn) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fn, "fn");
        Chan<Result<V>> ch = Chan.make(1);
        Call<V> c;
        synchronized (this) {
            c = calls.get(key);
            if (c != null) {
                c.dups++;
                if (c.chans == null) c.chans = new ArrayList<>(1);
                c.chans.add(ch);
                return ch;
            }
            c = new Call<>();
            c.chans = new ArrayList<>(1);
            c.chans.add(ch);
            c.wg.add(1);
            calls.put(key, c);
        }
        Call<V> flight = c;
        Go.go(() -> call(flight, key, fn));
        return ch;
    }

    /**
     * Forgets the flight for {@code key}, if any: later calls run {@code fn} anew; callers already waiting still get its result.
     *
     * @param key the key whose flight to forget
     */
    public synchronized void forget(K key) {
        calls.remove(Objects.requireNonNull(key, "key"));
    }

    private void call(Call<V> c, K key, Callable<V> fn) {
        try {
            c.value = fn.call();
        } catch (Throwable t) {
            c.error = t;
        }
        List<Chan<Result<V>>> chans;
        synchronized (this) {
            if (calls.get(key) == c) calls.remove(key);
            c.shared = c.dups > 0;
            chans = c.chans;
            c.wg.done();
        }
        if (chans != null) {
            Result<V> r = new Result<>(c.value, c.error, c.shared);
            for (Chan<Result<V>> ch : chans) ch.trySend(r);
        }
    }
}
