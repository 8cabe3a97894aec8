package io.github.go4j.racesuite.race;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two {@code invokeAll} tasks on two pool threads both add to {@code total}: the two {@code total +=} race. */
public final class InvokeAllTasksShareField {

    private static int total;

    public static void main(String[] args) throws Exception {
        // each of the first two submissions to a fixed pool of two starts its own worker thread
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Callable<Integer> add1 = () -> total += 1;
            Callable<Integer> add2 = () -> total += 2;
            for (Future<Integer> f : pool.invokeAll(List.of(add1, add2))) {
                f.get();
            }
        }
        System.out.println("total = " + total);
    }
}
