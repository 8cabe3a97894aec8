package io.github.go4j.race.internal.runtime;

import java.util.Set;

/**
 * The calls into the JDK's synchronisation that the instrumentation rewrites, and what each means.
 * A call site matches the first rule whose method name it has and whose owner type its static owner
 * type is (or extends). The ordinal is the rule's id in the rewritten code.
 */
public enum JdkCall {
    // atomics and field updaters: plain and opaque modes create no edge; the rule order matters
    ATOMIC_PLAIN(null, names("getPlain", "setPlain", "getOpaque", "setOpaque", "length", "newUpdater", "hashCode", "equals"),
            "java/util/concurrent/atomic/"),
    UPDATER_GET(CallKind.ACQUIRE, names("get"), true, "java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
            "java/util/concurrent/atomic/AtomicLongFieldUpdater", "java/util/concurrent/atomic/AtomicReferenceFieldUpdater"),
    UPDATER_SET(CallKind.RELEASE, names("set", "lazySet"), true, "java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
            "java/util/concurrent/atomic/AtomicLongFieldUpdater", "java/util/concurrent/atomic/AtomicReferenceFieldUpdater"),
    UPDATER_RMW(CallKind.BOTH, null, true, "java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
            "java/util/concurrent/atomic/AtomicLongFieldUpdater", "java/util/concurrent/atomic/AtomicReferenceFieldUpdater"),
    ATOMIC_GET(CallKind.ACQUIRE, names("get", "getAcquire", "intValue", "longValue", "floatValue", "doubleValue",
            "byteValue", "shortValue", "sum", "toString", "getReference", "getStamp", "isMarked"),
            "java/util/concurrent/atomic/"),
    ATOMIC_SET(CallKind.RELEASE, names("set", "lazySet", "setRelease", "add", "increment", "decrement", "reset"),
            "java/util/concurrent/atomic/"),
    ATOMIC_RMW(CallKind.BOTH, null, "java/util/concurrent/atomic/"),

    VARHANDLE_PLAIN(null, names("get", "set", "getOpaque", "setOpaque"), "java/lang/invoke/VarHandle"),
    VARHANDLE_ACQUIRE(CallKind.ACQUIRE, names("getVolatile", "getAcquire"), "java/lang/invoke/VarHandle"),
    VARHANDLE_RELEASE(CallKind.RELEASE, names("setVolatile", "setRelease"), "java/lang/invoke/VarHandle"),
    VARHANDLE_RMW(CallKind.BOTH, names("compareAndSet", "compareAndExchange", "compareAndExchangeAcquire",
            "compareAndExchangeRelease", "weakCompareAndSet", "weakCompareAndSetPlain", "weakCompareAndSetAcquire",
            "weakCompareAndSetRelease", "getAndSet", "getAndSetAcquire", "getAndSetRelease", "getAndAdd",
            "getAndAddAcquire", "getAndAddRelease", "getAndBitwiseOr", "getAndBitwiseOrAcquire",
            "getAndBitwiseOrRelease", "getAndBitwiseAnd", "getAndBitwiseAndAcquire", "getAndBitwiseAndRelease",
            "getAndBitwiseXor", "getAndBitwiseXorAcquire", "getAndBitwiseXorRelease"), "java/lang/invoke/VarHandle"),
    VARHANDLE_FENCE_ACQ(null, names("acquireFence", "releaseFence", "fullFence", "loadLoadFence", "storeStoreFence"),
            "java/lang/invoke/VarHandle"),

    LOCK_ACQUIRE(CallKind.ACQUIRE, names("lock", "lockInterruptibly", "tryLock"), "java/util/concurrent/locks/Lock"),
    LOCK_RELEASE(CallKind.RELEASE, names("unlock"), "java/util/concurrent/locks/Lock"),
    LOCK_CONDITION(CallKind.ALIAS, names("newCondition"), "java/util/concurrent/locks/Lock"),
    RWLOCK_READ(CallKind.ALIAS, names("readLock"), "java/util/concurrent/locks/ReadWriteLock"),
    RWLOCK_WRITE(CallKind.ALIAS, names("writeLock"), "java/util/concurrent/locks/ReadWriteLock"),
    CONDITION_AWAIT(CallKind.CONDITION_AWAIT, names("await", "awaitNanos", "awaitUninterruptibly", "awaitUntil"),
            "java/util/concurrent/locks/Condition"),
    CONDITION_SIGNAL(CallKind.RELEASE, names("signal", "signalAll"), "java/util/concurrent/locks/Condition"),
    STAMPED_ACQUIRE(CallKind.ACQUIRE, names("writeLock", "readLock", "tryWriteLock", "tryReadLock",
            "writeLockInterruptibly", "readLockInterruptibly", "tryOptimisticRead", "validate"),
            "java/util/concurrent/locks/StampedLock"),
    STAMPED_CONVERT(CallKind.BOTH, names("tryConvertToWriteLock", "tryConvertToReadLock", "tryConvertToOptimisticRead"),
            "java/util/concurrent/locks/StampedLock"),
    STAMPED_RELEASE(CallKind.RELEASE, names("unlockWrite", "unlockRead", "unlock", "tryUnlockWrite", "tryUnlockRead"),
            "java/util/concurrent/locks/StampedLock"),
    STAMPED_VIEWS(CallKind.ALIAS, names("asReadLock", "asWriteLock", "asReadWriteLock"), "java/util/concurrent/locks/StampedLock"),

    SEMAPHORE_ACQUIRE(CallKind.ACQUIRE, names("acquire", "acquireUninterruptibly", "tryAcquire", "drainPermits"),
            "java/util/concurrent/Semaphore"),
    SEMAPHORE_RELEASE(CallKind.RELEASE, names("release"), "java/util/concurrent/Semaphore"),
    LATCH_RELEASE(CallKind.RELEASE, names("countDown"), "java/util/concurrent/CountDownLatch"),
    LATCH_ACQUIRE(CallKind.ACQUIRE, names("await", "getCount"), "java/util/concurrent/CountDownLatch"),
    BARRIER(CallKind.BARRIER_AWAIT, names("await"), "java/util/concurrent/CyclicBarrier"),
    PHASER_ARRIVE(CallKind.RELEASE, names("arrive", "arriveAndDeregister"), "java/util/concurrent/Phaser"),
    PHASER_AWAIT(CallKind.BOTH, names("arriveAndAwaitAdvance", "awaitAdvance", "awaitAdvanceInterruptibly",
            "register", "bulkRegister"), "java/util/concurrent/Phaser"),
    EXCHANGER(CallKind.BOTH, names("exchange"), "java/util/concurrent/Exchanger"),

    THREAD_START(CallKind.THREAD_START, names("start"), "java/lang/Thread"),
    THREAD_JOIN(CallKind.THREAD_JOIN, names("join"), "java/lang/Thread"),
    THREAD_ALIVE(CallKind.THREAD_ALIVE, names("isAlive"), "java/lang/Thread"),
    THREAD_INTERRUPT(CallKind.INTERRUPT, names("interrupt"), "java/lang/Thread"),
    THREAD_INTERRUPTED(CallKind.INTERRUPT_CHECK, names("interrupted", "isInterrupted"), "java/lang/Thread"),
    THREAD_TASK(CallKind.TASK, names("start", "startVirtualThread"), "java/lang/Thread$Builder", "java/lang/Thread"),

    FORK_JOIN_INVOKE(CallKind.BOTH, names("invoke"), true, "java/util/concurrent/ForkJoinPool"),
    EXECUTOR_ALL(CallKind.TASK_ALL, names("invokeAll", "invokeAny"), "java/util/concurrent/ExecutorService"),
    EXECUTOR_TASK(CallKind.TASK, names("execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"),
            "java/util/concurrent/Executor", "java/util/concurrent/CompletionService"),
    /** {@code java.util.Timer}: the scheduler → the task's {@code run} (instrumented as a task's body when the task's class is). */
    TIMER_SCHEDULE(CallKind.RELEASE, names("schedule", "scheduleAtFixedRate"), true, "java/util/Timer"),
    EXECUTOR_DONE(CallKind.EXECUTOR_DONE, names("awaitTermination", "close"), "java/util/concurrent/ExecutorService"),

    FORK(CallKind.RELEASE, names("fork"), "java/util/concurrent/ForkJoinTask"),
    FUTURE_COMPLETE(CallKind.FUTURE_COMPLETE, names("complete", "completeExceptionally", "obtrudeValue",
            "obtrudeException", "cancel"), "java/util/concurrent/CompletableFuture"),
    FUTURE_ALL(CallKind.FUTURE_ALL, names("allOf", "anyOf"), "java/util/concurrent/CompletableFuture"),
    FUTURE_GET(CallKind.FUTURE_GET, names("get", "join", "getNow", "resultNow", "exceptionNow", "isDone", "state",
            "isCompletedExceptionally", "isCompletedNormally", "invoke", "getRawResult"),
            "java/util/concurrent/Future", "java/util/concurrent/CompletableFuture", "java/util/concurrent/ForkJoinTask"),
    FUTURE_TASK(CallKind.TASK, names("supplyAsync", "runAsync", "completeAsync", "thenApply", "thenApplyAsync",
            "thenAccept", "thenAcceptAsync", "thenRun", "thenRunAsync", "thenCombine", "thenCombineAsync",
            "thenAcceptBoth", "thenAcceptBothAsync", "runAfterBoth", "runAfterBothAsync", "applyToEither",
            "applyToEitherAsync", "acceptEither", "acceptEitherAsync", "runAfterEither", "runAfterEitherAsync",
            "thenCompose", "thenComposeAsync", "handle", "handleAsync", "whenComplete", "whenCompleteAsync",
            "exceptionally", "exceptionallyAsync", "exceptionallyCompose", "exceptionallyComposeAsync"),
            "java/util/concurrent/CompletionStage", "java/util/concurrent/CompletableFuture"),

    MAP_COMPUTE(CallKind.COLLECTION_COMPUTE, names("compute", "computeIfAbsent", "computeIfPresent", "merge"),
            "java/util/Map"),
    MAP_UPDATE(CallKind.COLLECTION_UPDATE, names("put", "putIfAbsent", "putAll", "remove", "replace", "replaceAll",
            "clear", "putFirst", "putLast"), "java/util/Map"),
    MAP_READ(CallKind.COLLECTION_READ, names("get", "getOrDefault", "containsKey", "containsValue", "keySet", "values",
            "entrySet", "forEach", "size", "isEmpty", "keys", "elements", "mappingCount", "search", "reduce",
            "firstKey", "lastKey", "firstEntry", "lastEntry"), "java/util/Map"),
    COLLECTION_UPDATE(CallKind.COLLECTION_UPDATE, names("add", "addAll", "remove", "removeAll", "removeIf", "retainAll",
            "clear", "offer", "poll", "take", "put", "push", "pop", "addFirst", "addLast", "offerFirst", "offerLast",
            "pollFirst", "pollLast", "removeFirst", "removeLast", "takeFirst", "takeLast", "putFirst", "putLast",
            "transfer", "tryTransfer", "drainTo", "set", "addIfAbsent", "addAllAbsent", "replaceAll", "sort"),
            "java/util/Collection"),
    COLLECTION_READ(CallKind.COLLECTION_READ, names("contains", "containsAll", "peek", "element", "iterator", "forEach",
            "size", "isEmpty", "toArray", "stream", "get", "getFirst", "getLast", "peekFirst", "peekLast", "indexOf",
            "first", "last", "subList"), "java/util/Collection"),

    GO(CallKind.GO, names("go", "tryGo"), "io/github/go4j/Go", "io/github/go4j/sync/WaitGroup", "io/github/go4j/sync/ErrGroup"),

    STREAM(CallKind.STREAM, null, "java/util/stream/BaseStream");

    final CallKind kind;
    final Set<String> names;
    final String[] owners;
    /** The synchronisation object is the first argument (field updaters), not the receiver. */
    public final boolean keyIsFirstArg;

    JdkCall(CallKind kind, Set<String> names, String... owners) {
        this(kind, names, false, owners);
    }

    JdkCall(CallKind kind, Set<String> names, boolean keyIsFirstArg, String... owners) {
        this.kind = kind;
        this.names = names;
        this.owners = owners;
        this.keyIsFirstArg = keyIsFirstArg;
    }

    private static Set<String> names(String... n) {
        return Set.of(n);
    }

    private static final JdkCall[] ALL = values();

    public CallKind kind() {
        return kind;
    }

    /** Whether the rule needs a runtime check that the receiver is a concurrent collection. */
    public boolean collection() {
        return kind == CallKind.COLLECTION_READ || kind == CallKind.COLLECTION_UPDATE || kind == CallKind.COLLECTION_COMPUTE;
    }

    /** How the instrumentation asks whether a type is, or extends, another (internal names). */
    @FunctionalInterface
    public interface Hierarchy {
        boolean isSubtype(String type, String of);
    }

    /**
     * The rule for a call of {@code name} on static owner {@code owner}, or null. An owner ending with
     * {@code /} is a package: the static owner must be in it.
     */
    public static JdkCall match(String owner, String name, Hierarchy h) {
        for (JdkCall c : ALL) {
            if (c.names != null && !c.names.contains(name)) continue;
            for (String o : c.owners) {
                boolean hit = o.endsWith("/") ? owner.startsWith(o) && owner.indexOf('/', o.length()) < 0
                        : owner.equals(o) || h.isSubtype(owner, o);
                if (hit) return c.kind == null ? null : c;
            }
        }
        return null;
    }

    static JdkCall of(int id) {
        return ALL[id];
    }
}
