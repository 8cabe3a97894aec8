package io.github.go4j.racesuite.norace;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Two async tasks on their own threads write different fields; main reads one after {@code get()} and the other after {@code join()}. */
public final class CompletableFutureGetJoin {

    private static int left;
    private static int right;

    public static void main(String[] args) throws Exception {
        Executor threadPerTask = task -> Thread.ofVirtual().start(task);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> left = 1, threadPerTask);
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> right = 2, threadPerTask);
        a.get();
        int l = left;
        b.join();
        if (l + right != 3) {
            throw new AssertionError();
        }
    }
}
