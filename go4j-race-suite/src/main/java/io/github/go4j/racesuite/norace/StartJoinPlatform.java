package io.github.go4j.racesuite.norace;

/** main writes {@code input} before {@code start()}, the thread reads it and writes {@code output}, main reads that after {@code join()}. */
public final class StartJoinPlatform {

    private static int input;
    private static int output;

    public static void main(String[] args) throws InterruptedException {
        input = 21;
        Thread worker = new Thread(() -> output = input * 2);
        worker.start();
        worker.join();
        if (output != 42) {
            throw new AssertionError();
        }
    }
}
