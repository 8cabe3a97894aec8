package io.github.go4j.race.internal.runtime;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wrappers that run a task's body between {@link TaskLink#begin} and {@link TaskLink#end}, one per
 * functional interface the JDK's executors and stages accept. Each implements exactly the interface
 * it wraps, so that a JDK method that inspects its argument's type sees what it would have seen.
 */
final class LinkedTasks {
    private LinkedTasks() {}

    record LinkedRunnable(TaskLink link, Runnable body) implements Runnable {
        @Override public void run() {
            link.begin();
            try {
                body.run();
            } finally {
                link.end();
            }
        }
    }

    record LinkedCallable<V>(TaskLink link, Callable<V> body) implements Callable<V> {
        @Override public V call() throws Exception {
            link.begin();
            try {
                return body.call();
            } finally {
                link.end();
            }
        }
    }

    record LinkedSupplier<V>(TaskLink link, Supplier<V> body) implements Supplier<V> {
        @Override public V get() {
            link.begin();
            try {
                return body.get();
            } finally {
                link.end();
            }
        }
    }

    record LinkedFunction<A, R>(TaskLink link, Function<A, R> body) implements Function<A, R> {
        @Override public R apply(A a) {
            link.begin();
            try {
                return body.apply(a);
            } finally {
                link.end();
            }
        }
    }

    record LinkedBiFunction<A, B, R>(TaskLink link, BiFunction<A, B, R> body) implements BiFunction<A, B, R> {
        @Override public R apply(A a, B b) {
            link.begin();
            try {
                return body.apply(a, b);
            } finally {
                link.end();
            }
        }
    }

    record LinkedConsumer<A>(TaskLink link, Consumer<A> body) implements Consumer<A> {
        @Override public void accept(A a) {
            link.begin();
            try {
                body.accept(a);
            } finally {
                link.end();
            }
        }
    }

    record LinkedBiConsumer<A, B>(TaskLink link, BiConsumer<A, B> body) implements BiConsumer<A, B> {
        @Override public void accept(A a, B b) {
            link.begin();
            try {
                body.accept(a, b);
            } finally {
                link.end();
            }
        }
    }
}
