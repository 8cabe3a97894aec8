package io.github.go4j.racesuite.norace;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A task writes a field and then throws; the submitter reads the field after {@code get} threw
 * {@code ExecutionException}: the task's actions happen-before the (exceptional) retrieval of its result.
 */
public final class FutureGetAfterTaskThrew {
    private static int progress;

    public static void main(String[] args) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> f = pool.submit(() -> {
                progress = 42;
                throw new IllegalStateException("failed after some progress");
            });
            try {
                f.get();
                throw new AssertionError("the task cannot succeed");
            } catch (ExecutionException e) {
                System.out.println("progress = " + progress + " before " + e.getCause().getMessage());
            }
        }
    }
}
