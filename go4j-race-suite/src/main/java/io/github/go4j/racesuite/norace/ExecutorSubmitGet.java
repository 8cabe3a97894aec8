package io.github.go4j.racesuite.norace;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** main writes {@code input} before {@code submit}, the task reads it and writes {@code result}, main reads that after {@code Future.get()}. */
public final class ExecutorSubmitGet {

    private static int input;
    private static int result;

    public static void main(String[] args) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            input = 21;
            Future<?> done = pool.submit(() -> result = input * 2);
            done.get();
            if (result != 42) {
                throw new AssertionError();
            }
            result = 0;
        }
    }
}
