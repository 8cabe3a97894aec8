package io.github.go4j.race.internal.runtime;

import io.github.go4j.race.internal.engine.SyncClock;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.engine.WeakIdentityMap;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.stream.BaseStream;

/**
 * The edges of a parallel stream pipeline. The JDK runs a parallel stream's functions on fork-join
 * workers and joins them before the terminal operation returns, all inside uninstrumented code; the
 * agent restates that: what the caller did before each operation of the pipeline happens-before every
 * call of the pipeline's functions, and every call of them happens-before the return of each later
 * operation. Two calls of the functions are not ordered with each other (the JDK does not order them),
 * so a race between two elements' callbacks is still reported.
 *
 * <p>Implementation note. One {@link Link} per pipeline, found from any of its stream objects (each
 * operation's result is mapped to its receiver's link). The JDK does order some calls: a combiner (a
 * {@code BinaryOperator}, {@code collect}'s third argument, a {@code Collector}'s combiner and
 * finisher) runs after the calls whose results it combines, and {@code forEachOrdered}'s action calls
 * one after another; their calls also acquire {@code done} (everything that ended before them). An
 * operation on a stream that is parallel at
 * that moment releases the caller into the link's {@code start} and wraps each functional argument in a
 * proxy of its interface that acquires {@code start} before and releases into {@code done} after each
 * call (functions a wrapped function returns, such as a {@code Collector}'s accumulator, are wrapped
 * too); the operation's return acquires {@code done}. A function passed while the stream was still
 * sequential (before {@code .parallel()}) is not wrapped.
 */
final class ParallelStreams {
    private static final WeakIdentityMap<Link> LINKS = new WeakIdentityMap<>();

    private ParallelStreams() {}

    /** The edges of one pipeline. */
    static final class Link {
        final SyncClock start = new SyncClock();
        final SyncClock done = new SyncClock();
    }

    /** Before an operation on {@code stream}: its pipeline's link if the stream is parallel (the caller released into it), else null. */
    static Link before(Object stream, ThreadClock t) {
        if (!(stream instanceof BaseStream<?, ?> s) || !s.isParallel()) return null;
        Link l = LINKS.get(stream);
        if (l == null) l = LINKS.computeIfAbsent(stream, k -> new Link());
        l.start.release(t);
        return l;
    }

    /** After the operation returned {@code result}: the functions' calls so far are visible; a stream result joins the pipeline. */
    static void after(Link l, Object result, ThreadClock t) {
        l.done.acquire(t);
        if (result instanceof BaseStream<?, ?>) LINKS.computeIfAbsent(result, k -> l);
    }

    /**
     * {@code f}, an argument of interface type {@code type}, wrapped for link {@code l}; {@code ordered}
     * for a function the JDK calls only after the calls whose results it gets (a combiner, a finisher,
     * {@code forEachOrdered}'s action): its calls also see every call that ended before.
     */
    static Object wrap(Link l, Object f, Class<?> type, boolean ordered) {
        if (f == null || !type.isInterface() || Proxy.isProxyClass(f.getClass())) return f;
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Callback(l, f, ordered));
    }

    /** Whether a function's result of type {@code type} is itself a function to wrap. */
    static boolean isFunction(Class<?> type) {
        return type.isInterface() && (type.getName().startsWith("java.util.function.")
                || type == java.util.Comparator.class || type == java.util.stream.Collector.class);
    }

    private record Callback(Link link, Object target, boolean ordered) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> m.invoke(target, args);
                };
            }
            ThreadClock t = Threads.current();
            link.start.acquire(t);
            if (ordered) link.done.acquire(t);
            try {
                Object r = m.invoke(target, args);
                Class<?> type = m.getReturnType();
                if (!isFunction(type)) return r;
                String name = m.getName();
                return wrap(link, r, type, ordered || name.equals("combiner") || name.equals("finisher"));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                link.done.release(t);
            }
        }
    }
}
