package io.github.go4j.context.internal;

import io.github.go4j.Go;
import io.github.go4j.context.Context;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code context.AfterFunc} (Go's {@code afterFuncCtx}): a hidden child node whose cancellation starts
 * {@code f} on a goroutine, unless {@link #stop()} claimed it first. {@code claimed} is the one-shot flag
 * both race for (a CAS), so exactly one of "run f" and "stop returned true" happens.
 *
 * <p>With {@code inline}, {@code f} runs on the cancelling thread instead: go4j's own blocking primitives
 * use that to wake a parked waiter when its context is done (their {@code f} only unparks a thread).
 */
public final class AfterFuncNode extends CancelNode implements Context.Stop {
    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(AfterFuncNode.class, "claimed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable f;
    private final boolean inline;
    private volatile boolean claimed;

    private AfterFuncNode(Context parent, Runnable f, boolean inline) {
        super(parent);
        this.f = f;
        this.inline = inline;
    }

    /** Registers {@code f} to run when {@code ctx} is done: on a goroutine, or inline if {@code inline}. */
    public static Context.Stop start(Context ctx, Runnable f, boolean inline) {
        AfterFuncNode a = new AfterFuncNode(ctx, f, inline);
        propagate(ctx, a);
        return a;
    }

    private boolean claim() {
        return CLAIMED.compareAndSet(this, false, true);
    }

    @Override
    protected void canceled() {
        if (!claim()) return;
        if (inline) {
            f.run();
        } else {
            Go.go(f::run);
        }
    }

    @Override
    public boolean stop() {
        if (!claim()) return false;
        cancel(true, Context.CANCELED, null);
        return true;
    }
}
