package io.github.go4j.examples;

import io.github.go4j.sync.Once;
import io.github.go4j.sync.WaitGroup;
import java.util.function.Supplier;

/** The seed's sync.Once singleton: ten goroutines ask for it, it is initialised once. */
public final class OnceExample implements Example {
    record Singleton(String data) {}

    /** The example, ready to {@link #run()}. */
    public OnceExample() {}

    @Override public String name() { return "once"; }
    @Override public String title() { return "sync.Once: thread-safe one-time initialisation"; }

    @Override
    public void run() throws InterruptedException {
        Supplier<Singleton> instance = Once.value(() -> { // Go's sync.OnceValue
            System.out.println("Initializing singleton...");
            return new Singleton("I'm a singleton!");
        });
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 10; i++) {
            int id = i;
            wg.go(() -> System.out.printf("Goroutine %d got: %s%n", id, instance.get().data()));
        }
        wg.await();
        // "Initializing singleton..." is printed only once
    }
}
