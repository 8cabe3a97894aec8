package io.github.go4j.racesuite.race;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Two independent async stages (each on its own virtual thread) both write {@code winner}: the two writes race; allOf orders them only with main. */
public final class CompletableFutureSiblingStages {

    private static String winner;

    public static void main(String[] args) {
        Executor threadPerTask = task -> Thread.ofVirtual().start(task);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> winner = "a", threadPerTask);
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> winner = "b", threadPerTask);
        CompletableFuture.allOf(a, b).join();
        System.out.println("winner = " + winner);
    }
}
