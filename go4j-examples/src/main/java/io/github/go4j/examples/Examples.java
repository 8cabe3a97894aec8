package io.github.go4j.examples;

import java.util.List;

/** Every example of the tour, in the order {@code go4j demo} runs them. One line per example. */
public final class Examples {
    private Examples() {}

    /**
     * All examples, in tour order.
     *
     * @return every example, in tour order
     */
    public static List<Example> all() {
        return List.of(
                // goroutines, channels, select, time (issue 2)
                new HelloGoroutines(),
                new PingPong(),
                new BufferedChannel(),
                new Workers(),
                new Pipeline(),
                new FanIn(),
                new SelectTimeout(),
                new SelectDefault(),
                new Timers(),
                new PrimeSieve(),
                new HappensBefore(),
                // context, sync, rate (issue 3)
                new WaitGroupExample(),
                new MutexExample(),
                new OnceExample(),
                new CondExample(),
                new ContextExample(),
                new ErrGroupExample(),
                new RateLimiterExample()
                // then the race detector
        );
    }
}
