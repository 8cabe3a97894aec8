package io.github.go4j.racesuite.norace;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A CompletableFuture chain across virtual threads mutates one box stage by stage (supplyAsync, thenApplyAsync, thenAccept); main reads it after {@code join()}. */
public final class CompletableFutureStages {

    static final class Box {
        int value;
    }

    public static void main(String[] args) {
        Executor threadPerTask = task -> Thread.ofVirtual().start(task);
        Box box = new Box();
        CompletableFuture<Void> chain = CompletableFuture.supplyAsync(() -> {
                    box.value = 1;
                    return box;
                }, threadPerTask)
                .thenApplyAsync(b -> {
                    b.value += 1;
                    return b;
                }, threadPerTask)
                .thenAccept(b -> b.value *= 10);
        chain.join();
        if (box.value != 20) {
            throw new AssertionError();
        }
    }
}
