package io.github.go4j.context.internal;

import io.github.go4j.chan.Case;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import io.github.go4j.chan.SendChan;
import io.github.go4j.context.CanceledException;
import io.github.go4j.context.Context;
import io.github.go4j.context.DeadlineExceededException;
import io.github.go4j.time.Time;
import java.time.Duration;
import java.util.Objects;

/** The bodies of {@link Context}'s blocking helpers: a select on the operation and {@code done()}. */
public final class ContextOps {
    /** What the done case of a select returns: never a value of the channel. */
    private static final Object DONE = new Object();

    private ContextOps() {}

    /**
     * What a method throws because a context is done with {@code err}: for the shared {@link Context#CANCELED} or
     * {@link Context#DEADLINE_EXCEEDED}, a new exception of the same type and message whose stack is the caller's
     * and whose cause is the shared instance; any other error (a foreign context's own) as it is.
     */
    public static RuntimeException doneException(RuntimeException err) {
        if (err == Context.CANCELED) return new CanceledException(err.getMessage(), err);
        if (err == Context.DEADLINE_EXCEEDED) return new DeadlineExceededException(err.getMessage(), err);
        return err;
    }

    @SuppressWarnings("unchecked")
    public static <T> T recv(Context ctx, RecvChan<T> ch) throws InterruptedException {
        Objects.requireNonNull(ch, "ch");
        ctx.throwIfDone();
        RecvChan<Void> done = ctx.done();
        if (done == null) return ch.recv();
        Object r = Select.select(Case.<T, Object>recv(ch, v -> v), Case.<Void, Object>recv(done, v -> DONE));
        if (r == DONE) throw doneException(CancelNode.errOf(ctx));
        return (T) r;
    }

    public static <T> void send(Context ctx, SendChan<T> ch, T value) throws InterruptedException {
        Objects.requireNonNull(ch, "ch");
        Objects.requireNonNull(value, "value");
        ctx.throwIfDone();
        RecvChan<Void> done = ctx.done();
        if (done == null) {
            ch.send(value);
            return;
        }
        Object r = Select.select(Case.<T, Object>send(ch, value, () -> null), Case.<Void, Object>recv(done, v -> DONE));
        if (r == DONE) throw doneException(CancelNode.errOf(ctx));
    }

    public static void sleep(Context ctx, Duration d) throws InterruptedException {
        Objects.requireNonNull(d, "d");
        ctx.throwIfDone();
        if (d.isNegative() || d.isZero()) return;
        RecvChan<Void> done = ctx.done();
        if (done == null) {
            Time.sleep(d);
            return;
        }
        Object r = Select.select(Case.<Void, Object>recv(done, v -> DONE), Case.after(d, () -> null));
        if (r == DONE) throw doneException(CancelNode.errOf(ctx));
    }

    /**
     * Runs {@code wake} on the cancelling thread as soon as {@code ctx} is done (at once if it is); for
     * go4j's blocking primitives, whose {@code wake} only unparks a waiter. Stop the result when done waiting.
     */
    public static Context.Stop onDone(Context ctx, Runnable wake) {
        return AfterFuncNode.start(ctx, wake, true);
    }
}
