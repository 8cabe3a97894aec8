package io.github.go4j.racesuite.norace;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two {@code invokeAll} tasks read {@code input} and write their own array element; main reads both elements after {@code get()}. */
public final class ExecutorInvokeAll {

    private static int input;

    public static void main(String[] args) throws Exception {
        int[] results = new int[2];
        input = 10;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Callable<Void> first = () -> {
                results[0] = input + 1;
                return null;
            };
            Callable<Void> second = () -> {
                results[1] = input + 2;
                return null;
            };
            for (Future<Void> f : pool.invokeAll(List.of(first, second))) {
                f.get();
            }
        }
        if (results[0] + results[1] != 23) {
            throw new AssertionError();
        }
    }
}
