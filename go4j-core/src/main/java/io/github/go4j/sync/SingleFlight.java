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
 * <p>{@link Result#shared()} is Go's {@code shared}: true if the result was given to more than one caller (for
 * the caller that ran {@code fn}, whether any duplicate joined it). {@link #forget} makes the next call for a key
 * run anew even while an earlier one is in flight.
 *
 * <p><b>What {@code fn} throws.</b> An {@link Exception}, checked or not, is the call's {@link Result#error()},
 * delivered to every caller (Go's returned error). An {@link Error} (or any other throwable that is not an
 * {@code Exception}) is Go's panic, not a result: every {@link #run} caller that shares the flight rethrows that
 * same instance, and {@link #runChan} callers receive nothing on their channels while the Error becomes a panic of
 * a goroutine (of the flight's own goroutine if {@code runChan} started it, else of a new one), as x/sync's
 * {@code DoChan} re-panics on a new goroutine. An {@link InterruptedException} is an error like any other for every
 * caller, but the caller whose thread ran {@code fn} (and so was the one interrupted) has its interrupt status set
 * again when {@code run} returns; a duplicate's interrupt status is left alone, as it was not interrupted.
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
     *
     * x/sync tells a panic from runtime.Goexit (a double defer) and re-panics in every Do caller and, when
     * DoChan callers wait, on a new goroutine (a channel result would hide the panic). Java has no Goexit; an
     * Error is the panic. The nearest thing to Goexit, an interrupt of the caller running fn, is an error,
     * because the interrupt belongs to that caller's thread, not to the duplicates.
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
        Throwable error;               // published by wg: an Exception from fn
        Throwable panic;               // published by wg: an Error (or other non-Exception) from fn
        int dups;                      // guarded by the group
        List<Chan<Result<V>>> chans;   // guarded by the group
        boolean shared;                // published by wg
        boolean chansWaited;           // published by wg: some runChan caller shares the flight
    }

    private final Map<K, Call<V>> calls = new HashMap<>(); // guarded by this

    /** A group with no calls in flight. */
    public SingleFlight() {}

    /**
     * Runs {@code fn} for {@code key} unless a call for it is in flight, in which case it waits for that one.
     *
     * @param key the key whose calls are deduplicated
     * @param fn the function to run if no call for {@code key} is in flight
     * @return {@code fn}'s value or the Exception it threw, and whether the result was shared
     * @throws NullPointerException if an argument is null
     * @throws InterruptedException if interrupted while waiting for another caller's flight
     * @throws Error the Error {@code fn} threw (in this caller's flight or the one it joined), the same instance
     *     in every caller
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
            if (c.panic != null) throw rethrow(c.panic);
            return new Result<>(c.value, c.error, true);
        }
        Throwable panic = call(c, key, fn);
        if (panic != null) {
            if (c.chansWaited) Go.go(() -> { throw rethrow(panic); }); // runChan callers get nothing: make it seen
            throw rethrow(panic);
        }
        return new Result<>(c.value, c.error, c.shared);
    }

    /**
     * Like {@link #run}, without blocking: the result arrives on the returned channel (capacity 1, never
     * closed). A new flight runs {@code fn} on its own goroutine. If {@code fn} throws an Error, nothing arrives
     * and the Error is a panic (see the class comment).
     *
     * @param key the key whose calls are deduplicated
     * @param fn the function to run if no call for {@code key} is in flight
     * @return the channel the result will be sent on
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
        Go.go(() -> {
            Throwable panic = call(flight, key, fn);
            if (panic != null) throw rethrow(panic); // a panic of this goroutine
        });
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

    /** Runs {@code fn} for flight {@code c} and hands its outcome to everyone waiting; returns a panic, or null. */
    private Throwable call(Call<V> c, K key, Callable<V> fn) {
        try {
            c.value = fn.call();
        } catch (InterruptedException e) {
            c.error = e;
            Thread.currentThread().interrupt(); // this thread was interrupted: it keeps saying so
        } catch (Exception e) {
            c.error = e;
        } catch (Throwable t) {
            c.panic = t;
        }
        List<Chan<Result<V>>> chans;
        synchronized (this) {
            if (calls.get(key) == c) calls.remove(key);
            c.shared = c.dups > 0;
            chans = c.chans;
            c.chansWaited = chans != null;
            c.wg.done();
        }
        if (chans != null && c.panic == null) {
            Result<V> r = new Result<>(c.value, c.error, c.shared);
            for (Chan<Result<V>> ch : chans) ch.trySend(r);
        }
        return c.panic;
    }

    /** Throws {@code t} as it is (an Error, in practice; any throwable without wrapping). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
