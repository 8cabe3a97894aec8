package io.github.go4j.examples;

import io.github.go4j.sync.WaitGroup;

/** The seed's sync.WaitGroup program: five workers, and main waits for all of them. */
public final class WaitGroupExample implements Example {
    /** The example, ready to {@link #run()}. */
    public WaitGroupExample() {}

    @Override public String name() { return "waitgroup"; }
    @Override public String title() { return "sync.WaitGroup: wait for a group of goroutines"; }

    @Override
    public void run() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        for (int i = 1; i <= 5; i++) {
            int id = i;
            wg.go(() -> { // wg.add(1); go worker(id); defer wg.done()
                System.out.printf("Worker %d starting%n", id);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.out.printf("Worker %d done%n", id);
            });
        }
        wg.await(); // every worker's done() happens-before this returns
        System.out.println("All workers completed");
    }
}
