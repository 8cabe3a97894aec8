package io.github.go4j.context.internal;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import io.github.go4j.context.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches a parent context that go4j did not make and that cannot notify (it is not an
 * {@code AfterFuncContext}): Go starts one goroutine per such child; go4j starts one per foreign
 * {@code done()} channel, shared by all go4j children of it, and ends it when the last child is gone.
 *
 * <p>Implementation note. {@code WATCHES} maps each watched done channel (by identity) to its watch; it
 * and every watch's {@code children} are guarded by the one monitor of {@code WATCHES} (foreign parents
 * are rare: this is not a hot path). The goroutine selects on the parent's {@code done} and on
 * {@code changed} (capacity 1, poked when the last child leaves). A watch is <em>retired</em> — removed from
 * {@code WATCHES} — either when its parent is done (then it cancels the children it had, outside the
 * monitor) or when its last child leaves; a later child of the same parent then starts a new watch. So a
 * child is always either in a live watch's set or cancelled.
 */
final class ForeignParentWatch {
    private static final Map<RecvChan<Void>, ForeignParentWatch> WATCHES = new IdentityHashMap<>();

    private final Context parent;
    private final RecvChan<Void> done;
    private final Chan<Boolean> changed = Chan.make(1);
    private final Set<CancelNode> children = Collections.newSetFromMap(new IdentityHashMap<>());

    private ForeignParentWatch(Context parent, RecvChan<Void> done) {
        this.parent = parent;
        this.done = done;
    }

    /** Cancels {@code child} when {@code parent}'s {@code done} closes; the result unregisters it. */
    static Context.Stop watch(Context parent, RecvChan<Void> done, CancelNode child) {
        ForeignParentWatch w;
        boolean start = false;
        synchronized (WATCHES) {
            w = WATCHES.get(done);
            if (w == null) {
                w = new ForeignParentWatch(parent, done);
                WATCHES.put(done, w);
                start = true;
            }
            w.children.add(child);
        }
        if (start) Go.go(w::run);
        ForeignParentWatch watch = w;
        return () -> watch.remove(child);
    }

    /** The number of watch goroutines alive (for tests). */
    static int active() {
        synchronized (WATCHES) {
            return WATCHES.size();
        }
    }

    private boolean remove(CancelNode child) {
        synchronized (WATCHES) {
            boolean removed = children.remove(child);
            if (removed && children.isEmpty() && WATCHES.get(done) == this) {
                WATCHES.remove(done);
                changed.trySend(Boolean.TRUE);
            }
            return removed;
        }
    }

    private void run() throws InterruptedException {
        {
            boolean parentDone = Select.select(
                    Case.recv(done, v -> true),
                    Case.recv(changed, v -> false));
            List<CancelNode> toCancel;
            synchronized (WATCHES) {
                if (!parentDone) return; // retired by the last child leaving
                if (WATCHES.get(done) == this) WATCHES.remove(done);
                toCancel = new ArrayList<>(children);
                children.clear();
            }
            RuntimeException err = CancelNode.errOf(parent);
            Throwable cause = Context.cause(parent);
            for (CancelNode c : toCancel) c.cancel(false, err, cause);
        }
    }
}
