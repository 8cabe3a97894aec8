package io.github.go4j.racesuite.race;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A task writes a field and then blocks; the submitter's {@code get} times out and it writes the field
 * too: a timed-out {@code get} orders nothing, so the two writes race.
 */
public final class FutureGetTimedOut {
    private static int progress;

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> f = pool.submit(() -> {
                progress = 1;
                release.await();
                return null;
            });
            try {
                f.get(50, TimeUnit.MILLISECONDS);
                throw new AssertionError("the task cannot end before it is released");
            } catch (TimeoutException e) {
                progress = 2;
            }
            release.countDown();
        }
        System.out.println("progress " + progress);
    }
}
