package io.github.go4j.race.internal.engine;

import java.lang.ref.WeakReference;

/**
 * One thread's happens-before state: its slot, its own clock, its vector clock, and what a report
 * says about it (goroutine id, name, where it was created).
 *
 * <p>Implementation note. Owned by its thread: only that thread changes {@code clock}, {@code epoch},
 * {@code stamp} and {@code vc}, except that {@link SyncClock#acquire} replaces {@code vc} while the
 * thread itself performs the acquire. Other threads read {@code vc} only after the thread ended (a
 * join, a slot reclaim), which the JVM orders after its last write. {@code vc[tid] == clock} always.
 * {@code stamp} is the epoch recorded for an access: {@code epoch}, flagged with {@link Epochs#INIT}
 * while the thread runs a class initialiser. {@code previous} is the last occupant of the same slot,
 * kept (a few deep) so that a report can still name a finished thread whose epochs remain in shadow
 * state.
 */
public final class ThreadClock {
    public final int tid;
    /** The first clock value of this occupant of the slot: epochs of the slot below it are older threads'. */
    final long startClock;
    long clock;
    long epoch;
    /** What an access by this thread records: the epoch, flagged while in a class initialiser. */
    public long stamp;
    long[] vc;
    private int clinitDepth;

    final WeakReference<Thread> thread;
    public final long goid;
    final boolean virtual;
    volatile String name;
    /** Set by the go4j SPI when the goroutine's body has ended: the slot may be reused. */
    volatile boolean ended;
    boolean retired;
    ThreadClock previous;

    /** Where the thread was created (a code-site id) and by which goroutine; -1 when unknown. */
    volatile int createdAtSite = -1;
    /** The creating thread's stack when it was captured (the first threads only), else null. */
    volatile java.util.List<String> creationStack;
    volatile long parentGoid = -1;

    /** The site of a {@code Go.go} call in progress on this thread (read by the SPI's goroutineCreated). */
    public int pendingCreateSite = -1;

    /** The views of the last two arrays accessed (a loop often reads one array and writes another). */
    ArrayView lastView;
    ArrayView lastView2;
    /** A small set-associative cache of array views by identity hash ({@link ArrayViews}), made on first need. */
    ArrayView[] views;
    /** Misses of that cache since it last grew. */
    int viewMisses;
    /** Words of all this thread's views' marks. */
    long markWords;
    /** The same for synchronisation objects (monitors, volatiles' owners). */
    Object[] syncKeys;
    Object[] syncSlots;
    int syncMisses;

    ThreadClock(int tid, long clock, Thread t, ThreadClock previous) {
        this.tid = tid;
        this.startClock = clock;
        this.clock = clock;
        this.epoch = Epochs.make(tid, clock);
        this.stamp = epoch;
        this.vc = VectorClocks.set(new long[tid + 1], tid, clock);
        this.thread = new WeakReference<>(t);
        this.goid = t.threadId();
        this.virtual = t.isVirtual();
        this.name = t.getName();
        this.previous = previous;
    }

    /** Advances this thread's clock: what it does next is not covered by a release already made. */
    public void tick() {
        clock++;
        vc[tid] = clock;
        epoch = Epochs.make(tid, clock);
        stamp = clinitDepth > 0 ? epoch | Epochs.INIT : epoch;
    }

    /** The vector clock (owned by this thread; callers must not keep it across its actions). */
    public long[] vc() {
        return vc;
    }

    /** Joins {@code other} into this thread's clock (a fork or join edge). */
    public void join(long[] other) {
        vc = VectorClocks.join(vc, other);
    }

    public void enterClassInit() {
        clinitDepth++;
        stamp = epoch | Epochs.INIT;
    }

    public void exitClassInit() {
        if (clinitDepth > 0 && --clinitDepth == 0) stamp = epoch;
    }

    /** Whether the thread will make no more accesses (its slot may be reused). */
    boolean isDead() {
        if (ended) return true;
        Thread t = thread.get();
        return t == null || t.getState() == Thread.State.TERMINATED;
    }

    /** The thread, if it is still reachable. */
    public Thread thread() {
        return thread.get();
    }

    /** Its name now (if reachable) or when last seen. */
    public String name() {
        Thread t = thread.get();
        if (t != null) name = t.getName();
        return name;
    }

    public boolean isVirtual() {
        return virtual;
    }

    public boolean isRunning() {
        return !isDead();
    }

    public void createdBy(long parentGoid, int site) {
        this.parentGoid = parentGoid;
        this.createdAtSite = site;
    }

    /** As {@link #createdBy(long, int)}, with the creating thread's stack (or null). */
    public void createdBy(long parentGoid, int site, java.util.List<String> stack) {
        this.creationStack = stack;
        createdBy(parentGoid, site);
    }

    public java.util.List<String> creationStack() {
        return creationStack;
    }

    public int createdAtSite() {
        return createdAtSite;
    }

    public long parentGoid() {
        return parentGoid;
    }

    public void markEnded() {
        ended = true;
    }
}
