package io.github.go4j.examples;

import io.github.go4j.context.Context;
import io.github.go4j.rate.Limit;
import io.github.go4j.rate.Limiter;
import io.github.go4j.rate.Reservation;
import java.time.Duration;
import java.time.Instant;

/** The token bucket of golang.org/x/time/rate, driven by explicit instants (and one short real wait). */
public final class RateLimiterExample implements Example {
    /** The example, ready to {@link #run()}. */
    public RateLimiterExample() {}

    @Override public String name() { return "rate"; }
    @Override public String title() { return "rate.Limiter: a token bucket (2 events/s, burst 3)"; }

    @Override
    public void run() throws InterruptedException {
        Limiter limiter = new Limiter(Limit.perSecond(2), 3);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 5; i++) burst.append(limiter.allow(t0) ? "allowed " : "dropped ");
        System.out.println("5 events at t0:      " + burst.toString().trim());
        System.out.println("tokens at t0+250ms:  " + limiter.tokens(t0.plusMillis(250)));
        System.out.println("event at t0+500ms:   " + (limiter.allow(t0.plusMillis(500)) ? "allowed" : "dropped"));

        Reservation r = limiter.reserve(t0.plusMillis(500));
        System.out.println("reserve at t0+500ms: ok=" + r.ok() + ", act in " + r.delay(t0.plusMillis(500)).toMillis() + " ms");
        r.cancel(t0.plusMillis(600));
        System.out.printf("after cancelling it: tokens at t0+600ms = %.1f%n", limiter.tokens(t0.plusMillis(600)));

        // await blocks until the bucket allows the event: three events at 50/s take about 40 ms after the first.
        Limiter fast = new Limiter(Limit.every(Duration.ofMillis(20)), 1);
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) fast.await(Context.background());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("3 awaits at 50/s took at least 40 ms: " + (ms >= 35));
    }
}
