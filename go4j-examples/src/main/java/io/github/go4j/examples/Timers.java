package io.github.go4j.examples;

import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import io.github.go4j.time.Ticker;
import io.github.go4j.time.Time;
import io.github.go4j.time.Timer;
import java.time.Duration;

/**
 * Timers and tickers with Go 1.23's semantics: a timer delivers once on its channel; {@code stop} prevents
 * that (and says whether it did); {@code reset} reschedules; a ticker delivers every period until stopped;
 * after {@code stop} or {@code reset} returns, no stale value can be received. All of them share one timer
 * thread. The program prints what happened, not when, so its output is always the same.
 */
public final class Timers implements Example {

    /** Long enough that "nothing arrived" means nothing was going to. */
    private static final Duration QUIET = Duration.ofMillis(150);

    /** The example, ready to {@link #run()}. */
    public Timers() {}

    @Override
    public String name() {
        return "timers";
    }

    @Override
    public String title() {
        return "Timers and tickers: fire, stop, reset";
    }

    @Override
    public void run() throws InterruptedException {
        Timer first = Time.newTimer(Duration.ofMillis(100));
        first.c().recv();
        System.out.println("timer 1 fired after 100 ms");

        Timer second = Time.newTimer(Duration.ofSeconds(1));
        System.out.println("timer 2 stopped before it fired: stop() = " + second.stop());
        System.out.println("  and its channel stays quiet: " + quiet(second.c()));

        Timer third = Time.newTimer(Duration.ofSeconds(10));
        boolean wasActive = third.reset(Duration.ofMillis(50));
        third.c().recv();
        System.out.println("timer 3 reset from 10 s to 50 ms (it was active: " + wasActive + "), and fired");

        Chan<String> done = Chan.make(1);
        Time.afterFunc(Duration.ofMillis(20), () -> done.trySend("afterFunc ran its function on a goroutine after 20 ms"));
        System.out.println(done.recv());

        Ticker ticker = Time.newTicker(Duration.ofMillis(50));
        for (int i = 1; i <= 3; i++) {
            ticker.c().recv();
            System.out.println("tick " + i);
        }
        ticker.stop();
        System.out.println("ticker stopped; no tick after stop: " + quiet(ticker.c()));

        Ticker slow = Time.newTicker(Duration.ofSeconds(10));
        slow.reset(Duration.ofMillis(20));
        slow.c().recv();
        slow.stop();
        System.out.println("a ticker reset from 10 s to 20 ms ticked");
    }

    /** True if nothing arrives on {@code c} within {@link #QUIET}. */
    private static boolean quiet(RecvChan<?> c) throws InterruptedException {
        return Select.select(Case.recv(c, v -> false), Case.after(QUIET, () -> true));
    }
}
