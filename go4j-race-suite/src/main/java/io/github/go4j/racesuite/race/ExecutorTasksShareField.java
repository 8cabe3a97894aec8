package io.github.go4j.racesuite.race;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two tasks of a thread-per-task executor both increment {@code hits}: the two {@code hits++} race (get orders each task with main, not the tasks with each other). */
public final class ExecutorTasksShareField {

    private static int hits;

    public static void main(String[] args) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> a = pool.submit(() -> hits++);
            Future<?> b = pool.submit(() -> hits++);
            a.get();
            b.get();
        }
        System.out.println("hits = " + hits);
    }
}
