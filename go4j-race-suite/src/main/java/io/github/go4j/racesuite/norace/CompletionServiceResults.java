package io.github.go4j.racesuite.norace;

import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Tasks submitted to an {@code ExecutorCompletionService} build result objects; the caller reads them from {@code take().get()}. */
public final class CompletionServiceResults {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CompletionService<Box> results = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < 8; i++) {
                int k = i;
                results.submit(() -> {
                    Box b = new Box();
                    b.value = k;
                    return b;
                });
            }
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += results.take().get().value;
            }
            System.out.println("sum " + sum);
        }
    }
}
