package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import java.util.ArrayList;
import java.util.List;

/**
 * Five goroutines each send a greeting on one unbuffered channel; main receives five times, and so knows
 * that every goroutine got as far as its send. The greetings arrive in whatever order the goroutines run:
 * main files each under its sender's number and prints them in order, so the output is always the same.
 *
 * <p>Go's loop-variable trap ({@code go func() { use(i) }()} seeing a later {@code i}) cannot happen in Java:
 * a lambda captures the value of an effectively final local, here {@code id}.
 */
public final class HelloGoroutines implements Example {

    private record Greeting(int from, String text) {}

    /** The example, ready to {@link #run()}. */
    public HelloGoroutines() {}

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String title() {
        return "Goroutines: five say hello, joined through a channel";
    }

    @Override
    public void run() throws InterruptedException {
        int n = 5;
        Chan<Greeting> greetings = Chan.make();
        List<Thread> goroutines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            goroutines.add(Go.go(() -> greetings.send(new Greeting(id, "hello from goroutine " + id))));
        }
        String[] byId = new String[n];
        for (int i = 0; i < n; i++) {
            Greeting g = greetings.recv();
            byId[g.from()] = g.text();
        }
        for (String text : byId) System.out.println(text);
        System.out.println("main received " + n + " greetings: every goroutine has sent its own");
        for (Thread g : goroutines) g.join(); // a goroutine is a Thread: join works too
    }
}
