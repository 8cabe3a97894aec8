package io.github.go4j.racesuite.race;

import java.util.concurrent.CompletableFuture;

/** main reads {@code result} before {@code join()}: the async task's write and main's read race. */
public final class CompletableFutureReadBeforeJoin {

    private static int result;

    public static void main(String[] args) {
        CompletableFuture<Void> task = CompletableFuture.runAsync(() -> result = 42);
        int early = result;
        task.join();
        System.out.println("early " + early + ", late " + result);
    }
}
