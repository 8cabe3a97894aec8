package io.github.go4j.examples;

import io.github.go4j.chan.Chan;
import io.github.go4j.context.Context;
import io.github.go4j.sync.ErrGroup;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** errgroup: subtasks of one job; the first error cancels the rest and is what await() returns. */
public final class ErrGroupExample implements Example {
    /** The example, ready to {@link #run()}. */
    public ErrGroupExample() {}

    @Override public String name() { return "errgroup"; }
    @Override public String title() { return "errgroup: the first error cancels the rest"; }

    @Override
    public void run() throws InterruptedException {
        ErrGroup g = ErrGroup.withContext(Context.background());
        Context ctx = g.context();
        g.setLimit(5); // at most 5 subtasks at once
        AtomicInteger cancelled = new AtomicInteger();
        Chan<Boolean> started = Chan.make(5);
        for (int item = 1; item <= 5; item++) {
            int id = item;
            if (id == 3) continue;
            g.go(() -> { // slow items: they would take a minute
                started.send(true);
                try {
                    ctx.sleep(Duration.ofMinutes(1));
                } catch (RuntimeException e) {
                    cancelled.incrementAndGet();
                    throw e;
                }
            });
        }
        for (int i = 0; i < 4; i++) started.recv();
        g.go(() -> { // item 3 fails
            throw new IllegalStateException("item 3: corrupt record");
        });
        Throwable first = g.await();
        System.out.println("await() returned the first error: " + first.getMessage());
        System.out.println("subtasks cancelled by it: " + cancelled.get());
        System.out.println("context: " + ctx.err().getMessage() + ", cause: " + Context.cause(ctx).getMessage());
    }
}
