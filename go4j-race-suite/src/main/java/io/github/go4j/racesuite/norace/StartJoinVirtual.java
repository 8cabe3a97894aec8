package io.github.go4j.racesuite.norace;

/** Same as StartJoinPlatform with {@code Thread.startVirtualThread}: start and join order the accesses. */
public final class StartJoinVirtual {

    private static int input;
    private static int output;

    public static void main(String[] args) throws InterruptedException {
        input = 21;
        Thread worker = Thread.startVirtualThread(() -> output = input * 2);
        worker.join();
        input = 0;
        if (output != 42) {
            throw new AssertionError();
        }
    }
}
