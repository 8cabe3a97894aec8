package io.github.go4j.cli;

import io.github.go4j.Go;
import io.github.go4j.PanicHandler;
import io.github.go4j.examples.Example;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Runs examples one after another: a heading (the title, underlined), the example's own output, a blank
 * line between two examples. Each runs on a thread of its own within a time limit; one that throws, overruns
 * or has a goroutine panic (as in Go, where a panic ends the program) is reported on {@code err} (which and
 * why) and the tour goes on with the next.
 */
final class Tour {

    /** An example that did not complete: {@code reason} says why; {@code cause} is what it threw, if it threw. */
    record Failure(Example example, String reason, Throwable cause) {}

    /** How long to wait, after interrupting an overrunning example, for it to end before moving on. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;

    Tour(Duration timeout, PrintStream out, PrintStream err) {
        this.timeout = timeout;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code examples} in order and returns the ones that failed (empty when all succeeded). */
    List<Failure> run(List<Example> examples) throws InterruptedException {
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (i > 0) out.println();
            out.println(e.title());
            out.println("=".repeat(e.title().length()));
            out.flush();
            Failure f = runOne(e);
            out.flush();
            if (f != null) {
                failures.add(f);
                err.println("go4j demo: " + e.name() + " failed: " + f.reason());
                if (f.cause() != null) f.cause().printStackTrace(err);
                err.flush();
            }
        }
        if (!failures.isEmpty()) {
            err.println();
            err.println("go4j demo: " + failures.size() + " of " + examples.size() + " examples failed: "
                    + failures.stream().map(f -> f.example().name() + " (" + f.reason() + ")").collect(Collectors.joining(", ")));
            err.flush();
        }
        return failures;
    }

    private Failure runOne(Example e) throws InterruptedException {
        AtomicReference<Throwable> panicked = new AtomicReference<>();
        PanicHandler previous = Go.setPanicHandler((goroutine, goid, panic) -> {
            panicked.compareAndSet(null, panic);
            Go.defaultPanicHandler().panicked(goroutine, goid, panic); // printed as Go prints it
        });
        try {
            Failure f = runAlone(e);
            Throwable panic = panicked.get();
            return f != null || panic == null ? f : new Failure(e, "a goroutine panicked: " + panic, null);
        } finally {
            Go.setPanicHandler(previous);
        }
    }

    private Failure runAlone(Example e) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = Thread.ofVirtual().name("demo " + e.name()).unstarted(() -> {
            try {
                e.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        if (!runner.join(timeout)) {
            runner.interrupt();
            runner.join(GRACE);
            return new Failure(e, "did not finish within " + timeout.toSeconds() + " s", null);
        }
        Throwable t = thrown.get();
        return t == null ? null : new Failure(e, String.valueOf(t), t);
    }
}
