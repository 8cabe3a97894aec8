package io.github.go4j.examples;

import io.github.go4j.chan.Chan;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import io.github.go4j.sync.WaitGroup;
import java.time.Duration;

/** Context cancellation and timeouts: cancel() stops a tree of workers; a deadline stops a slow call. */
public final class ContextExample implements Example {
    /** The example, ready to {@link #run()}. */
    public ContextExample() {}

    @Override public String name() { return "context"; }
    @Override public String title() { return "context: cancellation and timeouts"; }

    @Override
    public void run() throws InterruptedException {
        // 1. Cancellation: three workers wait for jobs until their shared context is cancelled.
        Chan<Integer> jobs = Chan.make();
        WaitGroup wg = new WaitGroup();
        Chan<String> stopped = Chan.make(3);
        try (CancelContext ctx = Context.withCancel(Context.background())) { // close() == defer cancel()
            for (int w = 1; w <= 3; w++) {
                int id = w;
                wg.go(() -> {
                    try {
                        while (true) ctx.recv(jobs); // receive, or throw ctx.err() once cancelled
                    } catch (RuntimeException e) {
                        stopped.trySend("worker " + id + " stopped: " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            System.out.println("cancelling the workers' context");
        } // cancel(): every descendant is cancelled before it returns
        wg.await();
        for (int i = 0; i < 3; i++) stopped.recv();
        System.out.println("all 3 workers stopped: " + Context.CANCELED.getMessage());

        // 2. Timeout: a call that would take a second is stopped by a 50 ms deadline.
        try (CancelContext ctx = Context.withTimeoutCause(Context.background(), Duration.ofMillis(50),
                new Exception("the backend was too slow"))) {
            try {
                ctx.sleep(Duration.ofSeconds(1)); // stands in for a slow request
                System.out.println("slow call finished (unexpected)");
            } catch (RuntimeException e) {
                System.out.println("slow call: " + e.getMessage() + " (err() == DEADLINE_EXCEEDED: "
                        + (ctx.err() == Context.DEADLINE_EXCEEDED) + ")");
                System.out.println("cause: " + Context.cause(ctx).getMessage());
            }
        }

        // 3. A child of a cancelled parent is born cancelled, with the parent's cause.
        CancelContext parent = Context.withCancelCause(Context.background());
        parent.cancel(new Exception("shutting down"));
        Context child = Context.withTimeout(parent, Duration.ofHours(1));
        System.out.println("child of a cancelled parent: " + child.err().getMessage() + ", cause: "
                + Context.cause(child).getMessage());
    }
}
