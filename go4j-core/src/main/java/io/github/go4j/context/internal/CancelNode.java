package io.github.go4j.context.internal;

import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.context.AfterFuncContext;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * A cancellable context: {@code withCancel}, and the base of deadline and after-func contexts (Go's
 * {@code cancelCtx}).
 *
 * <p>Implementation note. The nodes form the cancellation tree itself: each node keeps its live children in
 * an intrusive doubly linked list ({@code firstChild}, and {@code prev}/{@code next} in each child), so
 * adding and removing a child costs a few field writes under the parent's monitor and no allocation; a
 * million children of one root cost nothing beyond the nodes. Invariants, all under the parent's monitor:
 * a child is in its parent's list iff {@code attached}; a cancelled node has no list ({@code firstChild ==
 * null}) and accepts no new child (it cancels it at once instead). Cancelling a node, under its monitor, sets
 * {@code cause} and then the volatile {@code err} (so a reader that sees {@code err} sees {@code cause}),
 * closes {@code done} if it was ever created, and detaches its whole child list, clearing every child's
 * {@code attached}; the detached list is then walked outside the monitor — nobody else writes its links any
 * more — and each child cancelled the same way with the same error and cause. The walk uses an explicit
 * work list, not recursion, so a chain of any depth cannot overflow the stack. All of it happens before
 * {@code cancel()} returns (Go's synchronous propagation). No two node monitors are ever held at once (a
 * child removing itself takes only its parent's), so there is no lock order to get wrong; a node's monitor
 * is held only around short steps that take no other node's lock (closing its done channel, scheduling its
 * timer).
 *
 * <p>{@code done} is created lazily: most contexts are only ever asked {@code err()}. A node cancelled
 * before anyone asked for {@code done()} hands out one shared closed channel, as Go's {@code closedchan}.
 *
 * <p>A parent that is not a go4j node is reached through its nearest go4j ancestor when it merely wraps one
 * (same {@code done()} channel), else through {@link AfterFuncContext}, else through one shared
 * {@link ForeignParentWatch} goroutine per foreign {@code done()} channel; {@code foreignStop} undoes that
 * registration.
 */
public class CancelNode implements CancelContext {

    /** Looked up through {@code value()}: the nearest cancellable go4j ancestor (Go's {@code &cancelCtxKey}). */
    public static final Key<CancelNode> KEY = Key.of("go4j.cancelNode");

    private final Context parent;
    private CancelNode parentNode;           // the go4j node this one is linked into, if any
    private volatile Context.Stop foreignStop; // registration with a foreign parent, if any

    private CancelNode prev, next;           // guarded by parentNode's monitor
    private boolean attached;                // guarded by parentNode's monitor
    private CancelNode firstChild;           // guarded by this

    private volatile RuntimeException err;   // written under this, after cause
    private Throwable cause;                 // written under this, before err
    private volatile RecvChan<Void> done;    // created lazily under this

    protected CancelNode(Context parent) {
        this.parent = parent;
    }

    /** {@code context.WithCancel(parent)}. */
    public static CancelNode withCancel(Context parent) {
        CancelNode c = new CancelNode(parent);
        propagate(parent, c);
        return c;
    }

    final Context parent() {
        return parent;
    }

    // ---- the Context API ----

    @Override
    public final RecvChan<Void> done() {
        RecvChan<Void> d = done;
        if (d == null) {
            synchronized (this) {
                d = done;
                if (d == null) {
                    d = err != null ? ClosedDone.CHAN : Chan.<Void>make();
                    done = d;
                }
            }
        }
        if (err != null) Events.acquire(this, EventListener.CLOSE_SLOT);
        return d;
    }

    @Override
    public final RuntimeException err() {
        RuntimeException e = err;
        if (e != null) Events.acquire(this, EventListener.CLOSE_SLOT);
        return e;
    }

    /** The cause of the first cancellation, or null while not cancelled. */
    public final Throwable cause() {
        return err == null ? null : cause;
    }

    @Override
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    @Override
    public final <T> T value(Key<T> key) {
        return ValueContext.lookup(this, key);
    }

    @Override
    public void cancel() {
        cancel(true, Context.CANCELED, null);
    }

    @Override
    public void cancel(Throwable cause) {
        cancel(true, Context.CANCELED, cause);
    }

    @Override
    public final void close() {
        cancel();
    }

    @Override
    public String toString() {
        return parent + ".WithCancel";
    }

    /** True once cancelled (a volatile read, no event). */
    final boolean isCanceled() {
        return err != null;
    }

    /** The number of live children linked into this node (for tests: Go's {@code len(c.children)}). */
    public final synchronized int childCount() {
        int n = 0;
        for (CancelNode c = firstChild; c != null; c = c.next) n++;
        return n;
    }

    /** The go4j node this one is linked into, or null (for tests: Go's {@code parentCancelCtx}). */
    public final CancelNode linkedParent() {
        return parentNode;
    }

    /** True if this node has live children. */
    final synchronized boolean hasChildren() {
        return firstChild != null;
    }

    /** True if this node registered with a foreign parent rather than a go4j one (for tests). */
    public final boolean watchesForeignParent() {
        return foreignStop != null;
    }

    /**
     * True if cancelling this node may call code go4j does not own: the stop hook of a foreign parent it
     * registered with, or event listeners. (Its children's hooks run on goroutines or only unpark.)
     */
    final boolean cancelMayCallForeignCode() {
        return foreignStop != null || Events.enabled();
    }

    // ---- cancellation ----

    /**
     * Cancels this node and all its descendants with {@code err} and {@code cause} (null cause: {@code err}),
     * unless already cancelled; if {@code removeFromParent}, unlinks this node from its parent.
     */
    final void cancel(boolean removeFromParent, RuntimeException err, Throwable cause) {
        if (cause == null) cause = err;
        CancelNode children;
        synchronized (this) {
            if (this.err != null) return;
            children = markCanceled(err, cause);
        }
        if (removeFromParent) detachFromParent();
        canceled();
        if (children != null) cancelDescendants(children, err, cause);
    }

    /** Under this monitor: records the cancellation, closes {@code done}, detaches the child list and returns it. */
    private CancelNode markCanceled(RuntimeException err, Throwable cause) {
        Events.release(this, EventListener.CLOSE_SLOT);
        this.cause = cause;
        this.err = err;
        RecvChan<Void> d = done;
        if (d instanceof Chan<Void> c) c.close();
        CancelNode first = firstChild;
        firstChild = null;
        for (CancelNode c = first; c != null; c = c.next) c.attached = false;
        return first;
    }

    /** Cancels every node of the detached sibling lists reachable from {@code first}, breadth by breadth. */
    private static void cancelDescendants(CancelNode first, RuntimeException err, Throwable cause) {
        ArrayDeque<CancelNode> lists = null;
        CancelNode c = first;
        while (true) {
            for (; c != null; c = c.next) {
                CancelNode grandchildren;
                synchronized (c) {
                    if (c.err != null) continue;
                    grandchildren = c.markCanceled(err, cause);
                }
                c.canceled();
                if (grandchildren != null) {
                    if (lists == null) lists = new ArrayDeque<>();
                    lists.push(grandchildren);
                }
            }
            if (lists == null || lists.isEmpty()) return;
            c = lists.pop();
        }
    }

    /** Called once, outside any monitor, right after this node was cancelled: release resources, run hooks. */
    protected void canceled() {}

    private void detachFromParent() {
        CancelNode p = parentNode;
        if (p != null) {
            synchronized (p) {
                if (!attached) return;
                if (prev != null) prev.next = next; else p.firstChild = next;
                if (next != null) next.prev = prev;
                prev = next = null;
                attached = false;
            }
            return;
        }
        Context.Stop s = foreignStop;
        if (s != null) s.stop();
    }

    /** Links {@code child} into this node's list, or cancels it at once if this node is cancelled. */
    private void adopt(CancelNode child) {
        RuntimeException e;
        Throwable c;
        synchronized (this) {
            e = err;
            if (e == null) {
                child.parentNode = this;
                child.next = firstChild;
                if (firstChild != null) firstChild.prev = child;
                firstChild = child;
                child.attached = true;
                return;
            }
            c = cause;
        }
        child.cancel(false, e, c);
    }

    /**
     * Go's {@code propagateCancel}: arranges for {@code child} to be cancelled when {@code parent} is (at once
     * if it already is). Must run before {@code child} is published.
     */
    static void propagate(Context parent, CancelNode child) {
        Context p = parent;
        while (true) {
            switch (p) {
                case ValueContext v -> p = v.parent();
                case CancelNode n -> {
                    n.adopt(child);
                    return;
                }
                case EmptyContext e -> {
                    return;
                }
                case WithoutCancelContext w -> {
                    return;
                }
                default -> {
                    propagateForeign(p, child);
                    return;
                }
            }
        }
    }

    private static void propagateForeign(Context parent, CancelNode child) {
        RecvChan<Void> d = parent.done();
        if (d == null) return; // never cancelled
        if (d.tryRecv() != null) { // a done channel never carries a value: non-null means closed
            child.cancel(false, errOf(parent), Context.cause(parent));
            return;
        }
        CancelNode inner = parent.value(KEY);
        if (inner != null && inner.done == d) { // a wrapper that kept its go4j ancestor's done channel
            inner.adopt(child);
            return;
        }
        if (parent instanceof AfterFuncContext a) {
            child.foreignStop = a.afterFunc(() -> child.cancel(false, errOf(parent), Context.cause(parent)));
            return;
        }
        child.foreignStop = ForeignParentWatch.watch(parent, d, child);
    }

    /** A done context's error; a foreign one that closed done() but reports no error counts as cancelled. */
    static RuntimeException errOf(Context c) {
        RuntimeException e = c.err();
        return e != null ? e : Context.CANCELED;
    }

    /** The one closed done channel handed out by nodes cancelled before anyone asked for {@code done()}. */
    private static final class ClosedDone {
        static final Chan<Void> CHAN = Chan.make();

        static {
            CHAN.close();
        }
    }
}
