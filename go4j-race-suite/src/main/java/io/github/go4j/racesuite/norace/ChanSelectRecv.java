package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import java.time.Duration;

/** A goroutine writes {@code data} and sends on one of two channels; main's select receives it and then reads {@code data} (a select case is an ordinary receive). */
public final class ChanSelectRecv {

    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Chan<Integer> results = Chan.make();
        Chan<Integer> errors = Chan.make();
        Thread worker = Go.go(() -> {
            data = 42;
            results.send(1);
        });
        String got = Select.select(
                Case.recv(results, v -> "result"),
                Case.recv(errors, v -> "error"),
                Case.after(Duration.ofSeconds(10), () -> "timeout"));
        if (!got.equals("result") || data != 42) {
            throw new AssertionError(got);
        }
        worker.join();
    }
}
