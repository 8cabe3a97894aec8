package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * Fan-in: one goroutine merges two producers into one channel with a select loop. When an input is closed
 * its variable is set to {@code null}, Go's nil channel, which switches that case off; when both are off the
 * merger closes its output. The interleaving depends on scheduling, but each producer's messages arrive in
 * the order it sent them, and none is lost: that is what the program prints.
 */
public final class FanIn implements Example {

    /** What one turn of the merge loop saw: a message from input {@code from}, or ({@code ok == false}) its close. */
    private record Turn<T>(int from, T value, boolean ok) {}

    /** The example, ready to {@link #run()}. */
    public FanIn() {}

    @Override
    public String name() {
        return "fan-in";
    }

    @Override
    public String title() {
        return "Fan-in: select merges two producers; a closed input becomes a nil case";
    }

    @Override
    public void run() {
        RecvChan<String> merged = merge(talk("Ann", 3), talk("Joe", 4));
        List<String> ann = new ArrayList<>();
        List<String> joe = new ArrayList<>();
        int total = 0;
        for (String message : merged) {
            total++;
            (message.startsWith("Ann") ? ann : joe).add(message);
        }
        System.out.println("merged " + total + " messages; each producer's in the order it sent them:");
        System.out.println("  " + String.join(", ", ann));
        System.out.println("  " + String.join(", ", joe));
        System.out.println("both inputs closed, so the merger closed its output and the range ended");
    }

    /** A producer: sends {@code "<who> 0"} to {@code "<who> count-1"}, then closes. */
    static RecvChan<String> talk(String who, int count) {
        Chan<String> out = Chan.make();
        Go.go(() -> {
            try {
                for (int i = 0; i < count; i++) out.send(who + " " + i);
            } finally {
                out.close();
            }
        });
        return out;
    }

    /** Every value of {@code a} and {@code b} on one channel, closed once both inputs are closed. */
    static <T> RecvChan<T> merge(RecvChan<T> a, RecvChan<T> b) {
        Chan<T> out = Chan.make();
        Go.go(() -> {
            try {
                RecvChan<T> first = a;
                RecvChan<T> second = b;
                while (first != null || second != null) {
                    Turn<T> turn = Select.select(
                            Case.recvOk(first, (v, ok) -> new Turn<>(0, v, ok)),
                            Case.recvOk(second, (v, ok) -> new Turn<>(1, v, ok)));
                    if (turn.ok()) {
                        out.send(turn.value());
                    } else if (turn.from() == 0) {
                        first = null; // closed: this case is never chosen again
                    } else {
                        second = null;
                    }
                }
            } finally {
                out.close();
            }
        });
        return out;
    }
}
