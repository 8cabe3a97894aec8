package io.github.go4j.race.internal.runtime;

import io.github.go4j.race.internal.engine.ArrayView;
import io.github.go4j.race.internal.engine.ArrayViews;
import io.github.go4j.race.internal.engine.CodeSites;
import io.github.go4j.race.internal.engine.FastTrack;
import io.github.go4j.race.internal.engine.SyncClock;
import io.github.go4j.race.internal.engine.SyncObjects;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.engine.VarState;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The static methods that instrumented code calls. Public because application classes call them;
 * not an API.
 *
 * <p>None of them throws, blocks (beyond leaf locks), or runs application code; where the original
 * instruction would throw (a null receiver, an index out of bounds) they do nothing and let it.
 */
public final class RaceHooks {
    /** The owner of every static volatile field's clock (the slot is the field's id). */
    private static final Object STATICS = new Object();
    private static final ClassValue<Boolean> CONCURRENT = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) {
            String n = type.getName();
            return n.startsWith("java.util.concurrent.") || n.startsWith("java.util.Collections$Synchronized")
                    || n.equals("java.util.Vector") || n.equals("java.util.Stack") || n.equals("java.util.Hashtable");
        }
    };

    private RaceHooks() {}

    // ---- data accesses ----

    public static VarState newVar() {
        return new VarState();
    }

    /** A read of the field whose shadow is {@code s} (null: not tracked) by the thread whose clock is {@code t}. */
    public static void read(VarState s, int site, ThreadClock t) {
        if (s != null) FastTrack.read(s, t, site, null, -1);
    }

    /** A write of the field whose shadow is {@code s}, as {@link #read}. */
    public static void write(VarState s, int site, ThreadClock t) {
        if (s != null) FastTrack.write(s, t, site, null, -1);
    }

    /** The current thread's clock: an instrumented method that accesses fields or arrays fetches it once, on entry. */
    public static ThreadClock thread() {
        return Threads.current();
    }

    /**
     * A read of {@code array[index]} by the thread whose clock is {@code t}. What the thread already read
     * in its current epoch is skipped after one look at its marks (see {@link ArrayView}); the rest goes
     * to FastTrack and is then marked.
     */
    public static void arrayRead(Object array, int index, int site, ThreadClock t) {
        if (array == null) return;
        ArrayView v = ArrayViews.recent(t, array);
        if (v == null || !v.marked(t, index, ArrayView.READ)) arraySlow(t, v, array, index, site, ArrayView.READ);
    }

    /** A write of {@code array[index]}, as {@link #arrayRead}. */
    public static void arrayWrite(Object array, int index, int site, ThreadClock t) {
        if (array == null) return;
        ArrayView v = ArrayViews.recent(t, array);
        if (v == null || !v.marked(t, index, ArrayView.WRITE)) arraySlow(t, v, array, index, site, ArrayView.WRITE);
    }

    /**
     * {@link #arrayAccess}, called through a method handle that is deliberately not a constant: the JIT
     * cannot inline through it, so the hooks stay small enough to be inlined whole into the loops that
     * call them (a hook compiled on its own with the slow path inlined is too big to be inlined later:
     * "already compiled into a big method").
     */
    private static MethodHandle slowPath = slowPathHandle();

    private static MethodHandle slowPathHandle() {
        try {
            return MethodHandles.lookup().findStatic(RaceHooks.class, "arrayAccess",
                    MethodType.methodType(void.class, ThreadClock.class, ArrayView.class, Object.class, int.class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void arraySlow(ThreadClock t, ArrayView v, Object array, int index, int site, int kind) {
        try {
            slowPath.invokeExact(t, v, array, index, site, kind);
        } catch (Throwable e) {
            throw new IllegalStateException("go4j-race: internal error", e);
        }
    }

    /** The array's view ({@code v}, or found when null), the element's state, FastTrack's rule, the mark. */
    private static void arrayAccess(ThreadClock t, ArrayView v, Object array, int index, int site, int kind) {
        if (v == null) v = ArrayViews.of(t, array);
        VarState[] shadow = v.shadow;
        if (index < 0 || index >= shadow.length) return; // the access itself throws
        VarState s = ArrayViews.element(shadow, index);
        if (kind == ArrayView.READ) FastTrack.read(s, t, site, v.array, index);
        else FastTrack.write(s, t, site, v.array, index);
        v.mark(t, index, kind);
    }

    // ---- monitors, volatiles, class initialisation ----

    public static void monitorEnter(Object o) {
        if (o == null) return;
        ThreadClock t = Threads.current();
        SyncObjects.clock(o, SyncObjects.MONITOR, t).acquire(t);
    }

    public static void monitorExit(Object o) {
        if (o == null) return;
        ThreadClock t = Threads.current();
        SyncObjects.clock(o, SyncObjects.MONITOR, t).release(t);
    }

    /** After a volatile read of field {@code fieldId} of {@code owner}. */
    public static void volatileRead(Object owner, int fieldId) {
        if (owner == null) return;
        ThreadClock t = Threads.current();
        SyncObjects.clock(owner, fieldId, t).acquire(t);
    }

    /** Before a volatile write. */
    public static void volatileWrite(Object owner, int fieldId) {
        if (owner == null) return;
        ThreadClock t = Threads.current();
        SyncObjects.clock(owner, fieldId, t).release(t);
    }

    /** After a read of the static volatile field {@code fieldId}. */
    public static void volatileStaticRead(int fieldId) {
        SyncObjects.clock(STATICS, fieldId).acquire(Threads.current());
    }

    /** Before a write of the static volatile field {@code fieldId}. */
    public static void volatileStaticWrite(int fieldId) {
        SyncObjects.clock(STATICS, fieldId).release(Threads.current());
    }

    public static void classInitEnter() {
        Threads.current().enterClassInit();
    }

    public static void classInitExit() {
        Threads.current().exitClassInit();
    }

    /** Entry of a fork-join task's {@code compute} or a {@code TimerTask}'s {@code run}: what forked, submitted or scheduled it is visible. */
    public static void taskEnter(Object task) {
        SyncObjects.clock(task, SyncObjects.OBJECT).acquire(Threads.current());
    }

    /** Exit of a fork-join task's {@code compute} (visible to whoever joins it) or a {@code TimerTask}'s {@code run} (to its next run). */
    public static void taskExit(Object task) {
        SyncObjects.clock(task, SyncObjects.OBJECT).release(Threads.current());
    }

    /** Each class's shadow fields (synthetic {@code $race$} fields holding a {@link VarState}). */
    private static final ClassValue<java.lang.reflect.Field[]> SHADOWS = new ClassValue<>() {
        @Override protected java.lang.reflect.Field[] computeValue(Class<?> type) {
            List<java.lang.reflect.Field> out = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (f.isSynthetic() && f.getName().startsWith("$race$") && f.getType() == VarState.class
                            && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        try {
                            f.setAccessible(true);
                            out.add(f);
                        } catch (RuntimeException e) {
                            // a named module that does not open the package: the clone keeps the shared shadows
                        }
                    }
                }
            }
            return out.toArray(new java.lang.reflect.Field[0]);
        }
    };

    /**
     * After {@code Object.clone()}: the copy got the original's shadow references, which would make its
     * accesses conflict with the original's; it starts with fresh shadows instead.
     */
    public static void afterClone(Object copy) {
        if (copy == null || copy.getClass().isArray()) return;
        for (java.lang.reflect.Field f : SHADOWS.get(copy.getClass())) {
            try {
                f.set(copy, null);
            } catch (IllegalAccessException | RuntimeException e) {
                return;
            }
        }
    }

    /**
     * The barrier action a {@code CyclicBarrier} being built gets instead of {@code action} (which may be
     * null): it runs {@code action} and marks each generation's trip ({@link Barriers}).
     */
    public static Runnable barrierAction(Runnable action) {
        return Barriers.available() ? new Barriers.Trip(action) : action;
    }

    /**
     * At the start of a handler that may catch an {@code InterruptedException}: having one thrown is how
     * a thread finds out it was interrupted, so it sees what the interrupter did before (JLS 17.4.4).
     */
    public static void caught(Throwable e) {
        if (e instanceof InterruptedException) {
            SyncObjects.clock(Thread.currentThread(), SyncObjects.INTERRUPT).acquire(Threads.current());
        }
    }

    // ---- Object.wait, exit status ----

    public static void waitOn(Object o) throws InterruptedException {
        if (!Thread.holdsLock(o)) {
            o.wait(); // throws IllegalMonitorStateException: nothing is released
            return;
        }
        monitorExit(o);
        try {
            o.wait();
        } finally {
            monitorEnter(o);
        }
    }

    public static void waitOn(Object o, long millis) throws InterruptedException {
        if (!Thread.holdsLock(o)) {
            o.wait(millis); // throws IllegalMonitorStateException: nothing is released
            return;
        }
        monitorExit(o);
        try {
            o.wait(millis);
        } finally {
            monitorEnter(o);
        }
    }

    public static void waitOn(Object o, long millis, int nanos) throws InterruptedException {
        if (!Thread.holdsLock(o)) {
            o.wait(millis, nanos); // throws IllegalMonitorStateException: nothing is released
            return;
        }
        monitorExit(o);
        try {
            o.wait(millis, nanos);
        } finally {
            monitorEnter(o);
        }
    }

    /** Before {@code System.exit(status)} / {@code Runtime.exit} / {@code Runtime.halt}. */
    public static void exiting(int status) {
        ExitStatus.exiting(status);
    }

    /** An exception escapes the program's main method. */
    public static void mainThrew() {
        ExitStatus.mainThrew();
    }

    // ---- calls into the JDK's synchronisation ----

    /** The synchronisation object of the call: its receiver, or its first argument (field updaters). */
    private static Object key(JdkCall c, Object recv, Object arg0) {
        return c.keyIsFirstArg ? arg0 : recv;
    }

    private static boolean concurrent(Object recv) {
        return recv != null && CONCURRENT.get(recv.getClass());
    }

    /** Before the call of rule {@code rule}; returns what the wrappers and {@link #after} need. */
    public static Object before(int rule, Object recv, Object arg0, int site, ThreadClock t) {
        JdkCall c = JdkCall.of(rule);
        switch (c.kind) {
            case RELEASE, BOTH, CONDITION_AWAIT, FUTURE_COMPLETE -> {
                Object k = key(c, recv, arg0);
                if (k != null) SyncObjects.release(k, t);
            }
            case COLLECTION_UPDATE, COLLECTION_COMPUTE -> {
                if (concurrent(recv)) {
                    SyncClock k = SyncObjects.clock(recv, SyncObjects.OBJECT, t);
                    k.release(t);
                    k.acquire(t);
                    if (c.kind == CallKind.COLLECTION_COMPUTE) return TaskLink.holding(k);
                }
            }
            case COLLECTION_READ -> {
                if (concurrent(recv)) SyncObjects.clock(recv, SyncObjects.OBJECT, t).acquire(t);
            }
            case BARRIER_AWAIT -> {
                Barriers.Trip trip = Barriers.of(recv);
                if (trip != null) {
                    trip.arrivals.release(t);
                    return trip;
                }
                if (recv != null) SyncObjects.clock(recv, SyncObjects.OBJECT).release(t);
            }
            case THREAD_START -> {
                if (recv instanceof Thread th && th.getState() == Thread.State.NEW) {
                    CodeSites.seen(site);
                    Threads.fork(th, site);
                }
            }
            case TASK, TASK_ALL -> {
                CodeSites.seen(site);
                List<Object> sources = new ArrayList<>(2);
                if (recv instanceof CompletionStage<?>) sources.add(recv);
                if (arg0 instanceof CompletionStage<?>) sources.add(arg0);
                if (arg0 instanceof ForkJoinTask<?> task) SyncObjects.clock(task, SyncObjects.OBJECT).release(t);
                boolean ownThread = c == JdkCall.THREAD_TASK
                        || recv != null && recv.getClass().getName().endsWith("ThreadPerTaskExecutor");
                return TaskLink.submit(t, recv instanceof Executor ? recv : null, sources, ownThread ? site : -1);
            }
            case GO -> {
                CodeSites.seen(site);
                t.pendingCreateSite = site;
            }
            case INTERRUPT -> {
                if (recv != null) SyncObjects.clock(recv, SyncObjects.INTERRUPT).release(t);
            }
            case STREAM -> {
                return ParallelStreams.before(recv, t);
            }
            default -> { }
        }
        return null;
    }

    /** After the call of rule {@code rule} returned {@code result} (a boxed boolean; null for other primitives). */
    public static void after(Object result, int rule, Object recv, Object arg0, Object link, ThreadClock t) {
        JdkCall c = JdkCall.of(rule);
        switch (c.kind) {
            case ACQUIRE, BOTH, CONDITION_AWAIT -> {
                Object k = key(c, recv, arg0);
                if (k != null) SyncObjects.acquire(k, t);
            }
            case COLLECTION_UPDATE, COLLECTION_COMPUTE, COLLECTION_READ -> {
                if (concurrent(recv)) SyncObjects.clock(recv, SyncObjects.OBJECT, t).acquire(t);
            }
            case BARRIER_AWAIT -> {
                if (link instanceof Barriers.Trip trip) trip.passed(t);
                else if (recv != null) SyncObjects.clock(recv, SyncObjects.OBJECT).acquire(t);
            }
            case THREAD_JOIN -> {
                if (recv instanceof Thread th && !th.isAlive()) Threads.joined(th);
            }
            case THREAD_ALIVE -> {
                if (recv instanceof Thread th && Boolean.FALSE.equals(result)) Threads.joined(th);
            }
            case INTERRUPT_CHECK -> {
                if (Boolean.TRUE.equals(result)) {
                    SyncObjects.clock(recv != null ? recv : Thread.currentThread(), SyncObjects.INTERRUPT).acquire(t);
                }
            }
            case TASK -> {
                if (link instanceof TaskLink l) {
                    if (result instanceof Future<?> || result instanceof CompletionStage<?>) Completions.link(result, l.done);
                    if (arg0 instanceof Future<?> && !(arg0 instanceof CompletionStage<?>)) Completions.link(arg0, l.done);
                }
            }
            case TASK_ALL -> {
                if (link instanceof TaskLink l) {
                    l.done.acquire(t);
                    if (result instanceof List<?> futures) {
                        for (Object f : futures) Completions.link(f, l.done);
                    }
                }
            }
            case EXECUTOR_DONE -> {
                if (recv != null && (result == null || Boolean.TRUE.equals(result))) {
                    SyncObjects.clock(recv, SyncObjects.ALL_DONE).acquire(t);
                }
            }
            case FUTURE_GET -> Completions.acquire(recv, t);
            case FUTURE_ALL -> {
                if (arg0 instanceof Object[] parts) Completions.link(result, parts.clone());
            }
            case ALIAS -> {
                Object k = key(c, recv, arg0);
                if (result == null || k == null) break;
                if (c == JdkCall.RWLOCK_READ || c == JdkCall.RWLOCK_WRITE) SyncObjects.readWriteView(result, k, c == JdkCall.RWLOCK_READ);
                else SyncObjects.alias(result, k);
            }
            case GO -> t.pendingCreateSite = -1;
            case STREAM -> {
                if (link instanceof ParallelStreams.Link l) ParallelStreams.after(l, result, t);
            }
            default -> { }
        }
    }

    // ---- wrappers of task arguments (link null: leave the argument as it is) ----

    public static Runnable wrap(Object link, Runnable r) {
        return link instanceof TaskLink l && r != null ? new LinkedTasks.LinkedRunnable(l, r) : r;
    }

    public static <V> Callable<V> wrap(Object link, Callable<V> r) {
        return link instanceof TaskLink l && r != null ? new LinkedTasks.LinkedCallable<>(l, r) : r;
    }

    public static <V> Supplier<V> wrap(Object link, Supplier<V> r) {
        return link instanceof TaskLink l && r != null ? new LinkedTasks.LinkedSupplier<>(l, r) : r;
    }

    public static <A, R> Function<A, R> wrap(Object link, Function<A, R> r) {
        return link instanceof TaskLink l && r != null ? new LinkedTasks.LinkedFunction<>(l, r) : r;
    }

    public static <A, B, R> BiFunction<A, B, R> wrap(Object link, BiFunction<A, B, R> r) {
        return link instanceof TaskLink l && r != null ? new LinkedTasks.LinkedBiFunction<>(l, r) : r;
    }

    public static <A> Consumer<A> wrap(Object link, Consumer<A> r) {
        return link instanceof TaskLink l && r != null ? new LinkedTasks.LinkedConsumer<>(l, r) : r;
    }

    public static <A, B> BiConsumer<A, B> wrap(Object link, BiConsumer<A, B> r) {
        return link instanceof TaskLink l && r != null ? new LinkedTasks.LinkedBiConsumer<>(l, r) : r;
    }

    /** A parallel stream operation's functional argument {@code f} of interface {@code type}, wrapped (see {@link ParallelStreams}). */
    public static Object wrapFunction(Object link, Object f, Class<?> type, boolean ordered) {
        return link instanceof ParallelStreams.Link l ? ParallelStreams.wrap(l, f, type, ordered) : f;
    }

    /** {@code invokeAll}/{@code invokeAny}'s tasks, each wrapped. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Collection wrap(Object link, Collection tasks) {
        if (!(link instanceof TaskLink l) || tasks == null) return tasks;
        List<Object> out = new ArrayList<>(tasks.size());
        for (Object o : tasks) out.add(o instanceof Callable<?> call ? new LinkedTasks.LinkedCallable<>(l, call) : o);
        return out;
    }
}
