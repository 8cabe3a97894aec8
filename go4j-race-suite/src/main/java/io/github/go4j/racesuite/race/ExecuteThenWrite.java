package io.github.go4j.racesuite.race;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** main writes {@code input} after {@code execute}: that write races with the task's read (submission orders only what came before it). */
public final class ExecuteThenWrite {

    private static int input = 1;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            pool.execute(() -> {
                System.out.println("input = " + input);
                done.countDown();
            });
            input = 2;
            done.await();
        }
    }
}
