package io.github.go4j.context;

import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.SendChan;
import io.github.go4j.context.internal.AfterFuncNode;
import io.github.go4j.context.internal.CancelNode;
import io.github.go4j.context.internal.ContextOps;
import io.github.go4j.context.internal.DeadlineNode;
import io.github.go4j.context.internal.EmptyContext;
import io.github.go4j.context.internal.ValueContext;
import io.github.go4j.context.internal.WithoutCancelContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Go's {@code context.Context}: a deadline, a cancellation signal and request-scoped values, carried
 * across API boundaries and goroutines.
 *
 * <p><b>Rules</b> (Go's, all of them). Contexts form a tree: each derived context has a parent. Cancelling
 * a context cancels all its descendants synchronously, before {@code cancel()} returns. A context derived
 * from an already-cancelled parent is born cancelled, with the parent's error and cause. A deadline in the
 * past is already expired. A derived context's deadline is never later than its parent's: when the parent's
 * is earlier, it wins. Only the first cancellation sets the error and the {@link #cause(Context) cause}.
 * {@link #err()} returns the shared {@link #CANCELED} or {@link #DEADLINE_EXCEEDED} (compare with
 * {@code ==}). A method that throws because a context is done ({@link #throwIfDone()}, {@link #recv},
 * {@link #send}, {@link #sleep}, go4j's blocking acquisitions) throws a new {@link CanceledException} or
 * {@link DeadlineExceededException} that carries the stack of that call and has the shared instance as its
 * cause ({@code e.getCause() == Context.CANCELED}). Contexts are safe for use by any number of goroutines.
 *
 * <p><b>Cost.</b> No context owns a thread: a deadline is one entry in go4j's shared timer heap (removed
 * when the context is cancelled first), and a child of a go4j context is a node linked into its parent.
 * A parent implemented outside go4j is watched by registering with it ({@link AfterFuncContext}) or by one
 * goroutine per such parent, shared by all its go4j children.
 *
 * <p><b>Happens-before.</b> Cancelling a context (by its cancel function, its deadline or an ancestor)
 * happens-before every receive from its {@link #done()} channel that returns because the channel is
 * closed, and before every {@link #err()} that returns non-null.
 *
 * <p>Implement this interface to make your own context type (then {@link #done()}, {@link #err()},
 * {@link #deadline()} and {@link #value(Key)} are needed; the rest have defaults).
 */
public interface Context {

    /** Go's {@code context.Canceled}: the shared error of every cancelled context. */
    CanceledException CANCELED = new CanceledException(true);

    /** Go's {@code context.DeadlineExceeded}: the shared error of every context whose deadline passed. */
    DeadlineExceededException DEADLINE_EXCEEDED = new DeadlineExceededException(true);

    /**
     * The root of every context tree: never cancelled, no deadline, no values ({@code context.Background()}).
     *
     * @return the background context (the same one on every call)
     */
    static Context background() {
        return EmptyContext.BACKGROUND;
    }

    /**
     * Like {@link #background()}, for code that does not know yet which context to use ({@code context.TODO()}).
     *
     * @return the TODO context (the same one on every call)
     */
    static Context todo() {
        return EmptyContext.TODO;
    }

    /**
     * A child of {@code parent} that is cancelled when its {@code cancel()} is called or when
     * {@code parent} is, whichever happens first.
     *
     * @param parent the context the child derives from
     * @return the child, with its {@code cancel()}
     * @throws NullPointerException if {@code parent} is null
     */
    static CancelContext withCancel(Context parent) {
        return CancelNode.withCancel(requireParent(parent));
    }

    /**
     * Go's {@code WithCancelCause}: like {@link #withCancel}; its {@link CancelContext#cancel(Throwable)}
     * records the cause that {@link #cause(Context)} reports. (Every go4j {@link CancelContext} takes a
     * cause; this factory exists for Go users who look for it.)
     *
     * @param parent the context the child derives from
     * @return the child, with its {@code cancel(Throwable)}
     * @throws NullPointerException if {@code parent} is null
     */
    static CancelContext withCancelCause(Context parent) {
        return CancelNode.withCancel(requireParent(parent));
    }

    /**
     * {@code withDeadline(parent, now + timeout)}; a zero or negative timeout gives a context that is
     * already expired.
     *
     * @param parent the context the child derives from
     * @param timeout how long from now until the deadline
     * @return the child, with its {@code cancel()}
     * @throws NullPointerException if an argument is null
     */
    static CancelContext withTimeout(Context parent, Duration timeout) {
        return withTimeoutCause(parent, timeout, null);
    }

    /**
     * A child of {@code parent} that is cancelled with {@link #DEADLINE_EXCEEDED} at {@code deadline}, unless
     * cancelled earlier by its {@code cancel()} or its parent. If the parent's deadline is earlier, the child
     * is a plain {@link #withCancel} child (the parent's deadline wins). A deadline that is not in the future
     * gives a context that is already expired.
     *
     * @param parent the context the child derives from
     * @param deadline when the child is cancelled with {@link #DEADLINE_EXCEEDED}
     * @return the child, with its {@code cancel()}
     * @throws NullPointerException if an argument is null
     */
    static CancelContext withDeadline(Context parent, Instant deadline) {
        return withDeadlineCause(parent, deadline, null);
    }

    /**
     * {@link #withTimeout}, with {@code cause} as the cause when the deadline passes. Calling the returned
     * context's {@code cancel()} does not set this cause (Go's rule): the cause is then {@link #CANCELED}.
     *
     * @param parent the context the child derives from
     * @param timeout how long from now until the deadline
     * @param cause the cause when the deadline passes; null for {@link #DEADLINE_EXCEEDED}
     * @return the child, with its {@code cancel()}
     * @throws NullPointerException if {@code parent} or {@code timeout} is null
     */
    static CancelContext withTimeoutCause(Context parent, Duration timeout, Throwable cause) {
        requireParent(parent);
        Objects.requireNonNull(timeout, "timeout");
        return DeadlineNode.withDeadline(parent, DeadlineNode.fromNow(timeout), cause);
    }

    /**
     * {@link #withDeadline}, with {@code cause} as the cause when the deadline passes; {@code cancel()} does
     * not set it.
     *
     * @param parent the context the child derives from
     * @param deadline when the child is cancelled
     * @param cause the cause when the deadline passes; null for {@link #DEADLINE_EXCEEDED}
     * @return the child, with its {@code cancel()}
     * @throws NullPointerException if {@code parent} or {@code deadline} is null
     */
    static CancelContext withDeadlineCause(Context parent, Instant deadline, Throwable cause) {
        requireParent(parent);
        Objects.requireNonNull(deadline, "deadline");
        return DeadlineNode.withDeadline(parent, deadline, cause);
    }

    /**
     * A child of {@code parent} in which {@code key} is bound to {@code value} (which may be null: it then
     * hides a binding of {@code key} further up). Cancellation and deadline are the parent's.
     *
     * @param <T> the type of the value
     * @param parent the context the child derives from
     * @param key the key to bind
     * @param value the value bound to {@code key}; may be null
     * @return the child
     * @throws NullPointerException if {@code parent} or {@code key} is null
     */
    static <T> Context withValue(Context parent, Key<T> key, T value) {
        requireParent(parent);
        Objects.requireNonNull(key, "key");
        return new ValueContext(parent, key, value);
    }

    /**
     * A child of {@code parent} that keeps its values but is never cancelled: no deadline, {@code done()} is
     * null, {@code err()} and {@link #cause} are null, whatever happens to {@code parent}.
     *
     * @param parent the context whose values the child keeps
     * @return the child, which is never cancelled
     * @throws NullPointerException if {@code parent} is null
     */
    static Context withoutCancel(Context parent) {
        return new WithoutCancelContext(requireParent(parent));
    }

    /**
     * Arranges for {@code f} to run on its own goroutine once {@code ctx} is done (at once, on a new
     * goroutine, if it already is). The returned {@link Stop#stop()} prevents that: it returns true if it
     * stopped {@code f} from being started, false if {@code f} was already started or stopped. Stopping does
     * not wait for a running {@code f}. Cancelling {@code ctx} happens-before {@code f} runs.
     *
     * @param ctx the context to watch
     * @param f the function to run on its own goroutine once {@code ctx} is done
     * @return the handle that stops {@code f} from being started
     * @throws NullPointerException if an argument is null
     */
    static Stop afterFunc(Context ctx, Runnable f) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(f, "f");
        return AfterFuncNode.start(ctx, f, false);
    }

    /**
     * Why {@code ctx} was cancelled: the cause given to the first cancellation of {@code ctx} or of the
     * ancestor that cancelled it; {@link #DEADLINE_EXCEEDED} (or the {@code withDeadlineCause} cause) if a
     * deadline passed; {@link #CANCELED} if cancelled without a cause; null if {@code ctx} is not cancelled.
     * For a context not made by go4j and not derived from one, its {@code err()}.
     *
     * @param ctx the context asked about
     * @return why {@code ctx} was cancelled, or null if it is not
     * @throws NullPointerException if {@code ctx} is null
     */
    static Throwable cause(Context ctx) {
        Objects.requireNonNull(ctx, "ctx");
        CancelNode node = ctx.value(CancelNode.KEY);
        return node == null ? ctx.err() : node.cause();
    }

    /**
     * A channel that is closed when this context is cancelled, or {@code null} if it can never be cancelled
     * ({@link #background()}, {@link #todo()}, {@link #withoutCancel}). Never receives a value: use it in a
     * {@code select} (a receive from it returns, with {@code ok == false}, once it is closed). Successive calls
     * return the same channel.
     *
     * @return the channel closed on cancellation, or null if this context can never be cancelled
     */
    RecvChan<Void> done();

    /**
     * {@code null} while this context is not done; then {@link #CANCELED} or {@link #DEADLINE_EXCEEDED}. Never blocks.
     *
     * @return null while not done; then {@link #CANCELED} or {@link #DEADLINE_EXCEEDED}
     */
    RuntimeException err();

    /**
     * When this context will be cancelled by a deadline, if it has one (its own or an ancestor's).
     *
     * @return the deadline, or empty if there is none
     */
    Optional<Instant> deadline();

    /**
     * The value bound to {@code key} by the nearest {@link #withValue} toward the root, or null.
     *
     * @param <T> the type of the value
     * @param key the key to look up
     * @return the value bound to {@code key}, or null if there is none
     */
    <T> T value(Key<T> key);

    /**
     * Returns if this context is not done; throws otherwise. When {@link #err()} is one of the shared
     * {@link #CANCELED} or {@link #DEADLINE_EXCEEDED}, what is thrown is a new exception of the same type with
     * the stack of this call and the shared instance as its cause; any other error is thrown as it is.
     *
     * @throws CanceledException if this context was cancelled (its cause is {@link #CANCELED})
     * @throws DeadlineExceededException if its deadline passed (its cause is {@link #DEADLINE_EXCEEDED})
     */
    default void throwIfDone() {
        RuntimeException e = err();
        if (e != null) throw ContextOps.doneException(e);
    }

    /**
     * Receives from {@code ch} unless this context is done first: {@code select { case v := <-ch: case
     * <-ctx.Done(): }}. Returns null if {@code ch} is closed.
     *
     * @param <T> the channel's element type
     * @param ch the channel to receive from
     * @return the value received, or null if {@code ch} is closed
     * @throws CanceledException or {@link DeadlineExceededException}, as {@link #throwIfDone()} throws them, if
     *     this context is done before a value arrives (also when it already is)
     * @throws InterruptedException if interrupted while waiting; nothing was received
     */
    default <T> T recv(RecvChan<T> ch) throws InterruptedException {
        return ContextOps.recv(this, ch);
    }

    /**
     * Sends {@code value} on {@code ch} unless this context is done first.
     *
     * @param <T> the channel's element type
     * @param ch the channel to send on
     * @param value the value to send (not null)
     * @throws CanceledException or {@link DeadlineExceededException}, as {@link #throwIfDone()} throws them, if
     *     this context is done before the value could be sent (it then was not sent)
     * @throws InterruptedException if interrupted while waiting; the value was not sent
     */
    default <T> void send(SendChan<T> ch, T value) throws InterruptedException {
        ContextOps.send(this, ch, value);
    }

    /**
     * Sleeps for {@code d}, or until this context is done, whichever comes first.
     *
     * @param d how long to sleep; zero or negative returns at once (after checking the context)
     * @throws CanceledException or {@link DeadlineExceededException}, as {@link #throwIfDone()} throws them, as
     *     soon as this context is done (also when it already is)
     * @throws InterruptedException if interrupted while sleeping
     */
    default void sleep(Duration d) throws InterruptedException {
        ContextOps.sleep(this, d);
    }

    private static Context requireParent(Context parent) {
        return Objects.requireNonNull(parent, "parent (cannot create context from null parent)");
    }

    /**
     * A typed key for {@link #withValue}. Keys are compared by identity: two keys made with the same name
     * are different keys, so a package that keeps its key private cannot collide with another.
     *
     * @param <T> the type of the values bound to it
     */
    final class Key<T> {
        private final String name;

        private Key(String name) {
            this.name = name;
        }

        /**
         * A new key, named for {@code toString()} and debugging only.
         *
         * @param <T> the type of the values bound to the key
         * @param name the key's name, for {@code toString()}
         * @return a new key, different from every other key
         * @throws NullPointerException if {@code name} is null
         */
        public static <T> Key<T> of(String name) {
            return new Key<>(Objects.requireNonNull(name, "name"));
        }

        /** The name given to {@link #of}. */
        @Override
        public String toString() {
            return name;
        }
    }

    /** The handle {@link #afterFunc} returns. */
    interface Stop {
        /**
         * Prevents the function from being started; true if this call did so. Safe from any goroutine.
         *
         * @return true if this call prevented the function from being started; false if it was already started
         *     or stopped
         */
        boolean stop();
    }
}
