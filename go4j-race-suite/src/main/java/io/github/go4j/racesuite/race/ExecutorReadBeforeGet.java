package io.github.go4j.racesuite.race;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** main reads {@code result} before {@code Future.get()}: the task's write and main's read race. */
public final class ExecutorReadBeforeGet {

    private static int result;

    public static void main(String[] args) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(1)) {
            Future<?> done = pool.submit(() -> result = 42);
            int early = result;
            done.get();
            System.out.println("early " + early + ", late " + result);
        }
    }
}
