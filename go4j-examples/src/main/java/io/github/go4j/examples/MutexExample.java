package io.github.go4j.examples;

import io.github.go4j.sync.Mutex;
import io.github.go4j.sync.WaitGroup;

/** The seed's "fix with mutex": a counter incremented by many goroutines, guarded by a Mutex. */
public final class MutexExample implements Example {
    private final Mutex mu = new Mutex();
    private int counter; // guarded by mu

    /** The example, ready to {@link #run()}. */
    public MutexExample() {}

    @Override public String name() { return "mutex"; }
    @Override public String title() { return "sync.Mutex: a counter shared by 100 goroutines"; }

    private void increment() throws InterruptedException {
        mu.lock();
        try {
            counter++;
        } finally {
            mu.unlock();
        }
    }

    @Override
    public void run() throws InterruptedException {
        counter = 0;
        WaitGroup wg = new WaitGroup();
        for (int g = 0; g < 100; g++) {
            wg.go(() -> {
                try {
                    for (int i = 0; i < 1000; i++) increment();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        wg.await();
        mu.lock();
        try {
            System.out.println("counter = " + counter + " (100 goroutines x 1000 increments)");
        } finally {
            mu.unlock();
        }
    }
}
