package io.github.go4j.racesuite.norace;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An async supplier writes a field and then throws; the caller reads the field after {@code join}
 * threw {@code CompletionException}: the stage's actions happen-before its (failed) completion is seen.
 */
public final class CompletableFutureJoinAfterFailure {
    private static String stage;

    public static void main(String[] args) {
        CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> {
            stage = "parsed";
            throw new IllegalArgumentException("bad input");
        });
        try {
            f.join();
            throw new AssertionError("the supplier cannot succeed");
        } catch (CompletionException e) {
            System.out.println("stage " + stage + ", " + e.getCause().getMessage());
        }
    }
}
