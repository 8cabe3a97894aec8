package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import java.util.stream.Collectors;

/**
 * A pipeline: each stage is a goroutine that receives from the stage before, sends to the next, and
 * closes its output when its input is closed and drained, so the end of the data flows down the
 * pipeline. Each stage returns only the receiving side of its output ({@code <-chan int}).
 */
public final class Pipeline implements Example {

    /** The example, ready to {@link #run()}. */
    public Pipeline() {}

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String title() {
        return "Pipeline: generate -> square -> print, each stage a goroutine";
    }

    @Override
    public void run() {
        for (int v : square(generate(2, 3, 4))) System.out.println(v);
        String twice = square(square(generate(1, 2, 3, 4))).stream().map(String::valueOf).collect(Collectors.joining(" "));
        System.out.println("squared twice: " + twice);
    }

    /** Sends {@code numbers}, then closes. */
    static RecvChan<Integer> generate(int... numbers) {
        Chan<Integer> out = Chan.make();
        Go.go(() -> {
            try {
                for (int n : numbers) out.send(n);
            } finally {
                out.close();
            }
        });
        return out;
    }

    /** Sends the square of every value of {@code in}; closes when {@code in} is closed and drained. */
    static RecvChan<Integer> square(RecvChan<Integer> in) {
        Chan<Integer> out = Chan.make();
        Go.go(() -> {
            try {
                for (int n : in) out.send(n * n);
            } finally {
                out.close();
            }
        });
        return out;
    }
}
