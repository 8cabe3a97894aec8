package io.github.go4j.race.internal.runtime;

import io.github.go4j.race.internal.engine.SyncObjects;
import io.github.go4j.race.internal.engine.ThreadClock;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.function.Predicate;

/**
 * Calls whose edge also holds when they throw, which instrumented code makes through these wrappers
 * (the {@code after} hook runs on a normal return only): a {@code Future.get} or {@code join} that
 * throws the task's failure ({@code ExecutionException}, {@code CompletionException}, the task's own
 * exception for a fork-join task) has observed the task's end, and a {@code Condition.await} that
 * throws {@code InterruptedException} has the lock again. Each wrapper makes the call itself
 * (virtually, as the call site did) and, when it throws, creates the edge and rethrows the same
 * exception. Not an edge: an interrupt or a timeout of {@code get} (the task may still run), an await
 * by a thread that does not hold the lock.
 */
public final class ThrowingCalls {
    private ThrowingCalls() {}

    /** Whether a future's accessor that threw {@code e} has seen the future complete. */
    private static boolean completed(Throwable e) {
        return !(e instanceof InterruptedException || e instanceof TimeoutException);
    }

    private static void futureThrew(Throwable e, Object future, ThreadClock t) {
        if (completed(e)) Completions.acquire(future, t);
    }

    private static void awaitThrew(Throwable e, Condition c, ThreadClock t) {
        if (!(e instanceof IllegalMonitorStateException)) SyncObjects.acquire(c, t);
    }

    /** {@code Future.get()}. */
    public static Object futureGet(Future<?> f, ThreadClock t) throws InterruptedException, ExecutionException {
        try {
            return f.get();
        } catch (Throwable e) {
            futureThrew(e, f, t);
            throw e;
        }
    }

    /** {@code Future.get(timeout, unit)}. */
    public static Object futureGet(Future<?> f, long timeout, TimeUnit unit, ThreadClock t)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return f.get(timeout, unit);
        } catch (Throwable e) {
            futureThrew(e, f, t);
            throw e;
        }
    }

    /** {@code CompletableFuture.join()} or {@code ForkJoinTask.join()}. */
    public static Object futureJoin(Object f, ThreadClock t) {
        try {
            return f instanceof CompletableFuture<?> cf ? cf.join() : ((ForkJoinTask<?>) f).join();
        } catch (Throwable e) {
            futureThrew(e, f, t);
            throw e;
        }
    }

    /** {@code ForkJoinTask.invoke()}. */
    public static Object futureInvoke(ForkJoinTask<?> f, ThreadClock t) {
        try {
            return f.invoke();
        } catch (Throwable e) {
            futureThrew(e, f, t);
            throw e;
        }
    }

    /** {@code Condition.await()}. */
    public static void conditionAwait(Condition c, ThreadClock t) throws InterruptedException {
        try {
            c.await();
        } catch (Throwable e) {
            awaitThrew(e, c, t);
            throw e;
        }
    }

    /** {@code Condition.await(time, unit)}. */
    public static boolean conditionAwait(Condition c, long time, TimeUnit unit, ThreadClock t)
            throws InterruptedException {
        try {
            return c.await(time, unit);
        } catch (Throwable e) {
            awaitThrew(e, c, t);
            throw e;
        }
    }

    /** {@code Condition.awaitNanos(nanos)}. */
    public static long conditionAwaitNanos(Condition c, long nanos, ThreadClock t) throws InterruptedException {
        try {
            return c.awaitNanos(nanos);
        } catch (Throwable e) {
            awaitThrew(e, c, t);
            throw e;
        }
    }

    /** {@code Condition.awaitUntil(deadline)}. */
    public static boolean conditionAwaitUntil(Condition c, Date deadline, ThreadClock t)
            throws InterruptedException {
        try {
            return c.awaitUntil(deadline);
        } catch (Throwable e) {
            awaitThrew(e, c, t);
            throw e;
        }
    }

    /**
     * The wrapper for a call of rule {@code rule} to {@code name} with descriptor {@code desc} on a
     * receiver of a type for which {@code isA} tells the JDK types it extends, as {@code {name,
     * descriptor}} (the call's receiver and arguments, then the clock), or null when the call is made as
     * it is.
     */
    public static String[] wrapperOf(JdkCall rule, Predicate<String> isA, String name, String desc) {
        String clock = "Lio/github/go4j/race/internal/engine/ThreadClock;";
        String tail = clock + ")";
        if (rule == JdkCall.FUTURE_GET) {
            return switch (name + desc) {
                case "get()Ljava/lang/Object;" -> new String[] {"futureGet", "(Ljava/util/concurrent/Future;" + tail + "Ljava/lang/Object;"};
                case "get(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;" ->
                        new String[] {"futureGet", "(Ljava/util/concurrent/Future;JLjava/util/concurrent/TimeUnit;" + tail + "Ljava/lang/Object;"};
                case "join()Ljava/lang/Object;" -> !isA.test("java/util/concurrent/CompletableFuture")
                        && !isA.test("java/util/concurrent/ForkJoinTask") ? null : new String[] {"futureJoin", "(Ljava/lang/Object;" + tail + "Ljava/lang/Object;"};
                case "invoke()Ljava/lang/Object;" -> !isA.test("java/util/concurrent/ForkJoinTask") ? null : new String[] {"futureInvoke", "(Ljava/util/concurrent/ForkJoinTask;" + tail + "Ljava/lang/Object;"};
                default -> null;
            };
        }
        if (rule == JdkCall.CONDITION_AWAIT) {
            String c = "(Ljava/util/concurrent/locks/Condition;";
            return switch (name + desc) {
                case "await()V" -> new String[] {"conditionAwait", c + tail + "V"};
                case "await(JLjava/util/concurrent/TimeUnit;)Z" -> new String[] {"conditionAwait", c + "JLjava/util/concurrent/TimeUnit;" + tail + "Z"};
                case "awaitNanos(J)J" -> new String[] {"conditionAwaitNanos", c + "J" + tail + "J"};
                case "awaitUntil(Ljava/util/Date;)Z" -> new String[] {"conditionAwaitUntil", c + "Ljava/util/Date;" + tail + "Z"};
                default -> null;
            };
        }
        return null;
    }
}
