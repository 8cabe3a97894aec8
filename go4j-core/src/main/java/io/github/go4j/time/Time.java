package io.github.go4j.time;

import io.github.go4j.chan.RecvChan;
import io.github.go4j.time.internal.ChanTicker;
import io.github.go4j.time.internal.ChanTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Go's {@code time} package functions. Every timer and ticker is an entry in one shared timer heap served
 * by a single daemon thread: no thread per timer.
 */
public final class Time {
    private Time() {}

    /**
     * {@code time.After(d)}: a channel that receives the current time once, {@code d} from now.
     *
     * @param d how long from now the time is sent
     * @return the channel, which receives once
     */
    public static RecvChan<Instant> after(Duration d) {
        return newTimer(d).c();
    }

    /**
     * {@code time.Tick(d)}: the channel of a new ticker that is never stopped.
     *
     * @param d the interval between ticks
     * @return the ticker's channel
     * @throws IllegalArgumentException if {@code d} ≤ 0
     */
    public static RecvChan<Instant> tick(Duration d) {
        return newTicker(d).c();
    }

    /**
     * {@code time.NewTimer(d)}: a timer that delivers the time on its channel {@code d} from now.
     *
     * @param d how long from now the timer fires
     * @return the started timer
     */
    public static Timer newTimer(Duration d) {
        Objects.requireNonNull(d, "d");
        return ChanTimer.start(d, null);
    }

    /**
     * {@code time.NewTicker(d)}.
     *
     * @param d the interval between ticks
     * @return the started ticker
     * @throws IllegalArgumentException "non-positive interval for NewTicker" if {@code d} ≤ 0
     */
    public static Ticker newTicker(Duration d) {
        Objects.requireNonNull(d, "d");
        return new ChanTicker(d);
    }

    /**
     * {@code time.AfterFunc(d, f)}: runs {@code f} on its own goroutine {@code d} from now, unless stopped first.
     *
     * @param d how long from now {@code f} runs
     * @param f the function to run
     * @return the timer, whose {@code stop()} prevents {@code f} from running
     */
    public static Timer afterFunc(Duration d, Runnable f) {
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(f, "f");
        return ChanTimer.start(d, f);
    }

    /**
     * {@code time.Sleep(d)}: blocks for {@code d}; returns at once if {@code d} ≤ 0.
     *
     * @param d how long to sleep
     * @throws InterruptedException if interrupted while sleeping
     */
    public static void sleep(Duration d) throws InterruptedException {
        Objects.requireNonNull(d, "d");
        if (d.isNegative() || d.isZero()) return;
        Thread.sleep(d);
    }

}
