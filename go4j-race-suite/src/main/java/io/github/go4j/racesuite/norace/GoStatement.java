package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** main writes {@code input} before {@code Go.go}; the goroutine reads it and writes {@code output}, which main reads after receiving the goroutine's done signal. */
public final class GoStatement {

    private static int input;
    private static int output;

    public static void main(String[] args) throws InterruptedException {
        Chan<Boolean> done = Chan.make();
        input = 21;
        Go.go(() -> {
            output = input * 2;
            done.send(true);
        });
        done.recv();
        if (output != 42) {
            throw new AssertionError();
        }
    }
}
