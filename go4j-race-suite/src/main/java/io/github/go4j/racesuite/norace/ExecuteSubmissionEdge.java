package io.github.go4j.racesuite.norace;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** main writes {@code input} before {@code execute}; the task reads it (execute orders what came before it). */
public final class ExecuteSubmissionEdge {

    private static int input;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            input = 42;
            pool.execute(() -> {
                System.out.println("input = " + input);
                done.countDown();
            });
            done.await();
        }
    }
}
