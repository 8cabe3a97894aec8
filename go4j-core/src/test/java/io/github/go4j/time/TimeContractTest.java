package io.github.go4j.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract of {@link Time}, {@link Timer} and {@link Ticker} as their javadoc states it. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeContractTest {

    @Test
    void nullArgumentsAreRejectedNamingThem() {
        assertNpe("d", () -> Time.newTimer(null));
        assertNpe("d", () -> Time.newTicker(null));
        assertNpe("d", () -> Time.after(null));
        assertNpe("d", () -> Time.afterFunc(null, () -> {}));
        assertNpe("f", () -> Time.afterFunc(Duration.ZERO, null));
        assertNpe("d", () -> Time.sleep(null));
        Timer t = Time.newTimer(Duration.ofHours(1));
        assertNpe("d", () -> t.reset(null));
        t.stop();
        Ticker tk = Time.newTicker(Duration.ofHours(1));
        assertThrows(NullPointerException.class, () -> tk.reset(null));
        tk.stop();
    }

    private static void assertNpe(String name, org.junit.jupiter.api.function.Executable e) {
        NullPointerException npe = assertThrows(NullPointerException.class, e);
        assertTrue(String.valueOf(npe.getMessage()).contains(name), "NPE should name " + name + ": " + npe.getMessage());
    }

    @Test
    void aTimerDeliversOnceOnACapacityOneChannel() throws InterruptedException {
        Timer t = Time.newTimer(Duration.ofMillis(10));
        assertEquals(1, t.c().cap());
        Instant v = t.c().recv();
        assertNotNull(v);
        Time.sleep(Duration.ofMillis(30));
        assertNull(t.c().tryRecv(), "a timer delivered twice");
    }

    @Test
    void stopReturnsWhetherItPreventedTheDelivery() throws InterruptedException {
        Timer pending = Time.newTimer(Duration.ofHours(1));
        assertTrue(pending.stop(), "stop of a pending timer");
        assertFalse(pending.stop(), "a second stop");

        Timer received = Time.newTimer(Duration.ZERO);
        received.c().recv();
        assertFalse(received.stop(), "stop after the value was received");

        Timer unreceived = Time.newTimer(Duration.ZERO);
        while (unreceived.c().len() == 0) Thread.onSpinWait(); // it fired; its value waits in the channel
        assertTrue(unreceived.stop(), "Go 1.23: stop of a fired but unreceived timer prevents the delivery");
        assertNull(unreceived.c().tryRecv(), "a stale value was received after stop");
    }

    @Test
    void resetDiscardsAStaleValueAndReportsActivity() throws InterruptedException {
        Timer t = Time.newTimer(Duration.ZERO);
        while (t.c().len() == 0) Thread.onSpinWait();
        assertTrue(t.reset(Duration.ofHours(1)), "reset of a fired, unreceived timer");
        assertNull(t.c().tryRecv(), "a stale value was received after reset");
        assertTrue(t.reset(Duration.ofMillis(10)), "reset of a pending timer");
        assertNotNull(t.c().recv());
        assertFalse(t.reset(Duration.ofHours(1)), "reset of an expired, received timer");
        assertTrue(t.stop());
    }

    @Test
    void afterFuncRunsOnceOnItsOwnGoroutine() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Chan<Boolean> ran = Chan.make(1);
        Timer t = Time.afterFunc(Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            ranOn.set(Thread.currentThread());
            ran.trySend(true);
        });
        ran.recv();
        Time.sleep(Duration.ofMillis(50));
        assertEquals(1, runs.get());
        assertTrue(ranOn.get().isVirtual(), "an AfterFunc runs on a goroutine, not on the timer thread");
        assertNotSame(Thread.currentThread(), ranOn.get());
        assertFalse(t.stop(), "stop after the function started");
        // Its channel is the nil channel.
        assertNull(t.c().tryRecv());
        assertEquals(0, t.c().cap());
    }

    @Test
    void afterFuncsDoNotRunOneAfterTheOtherOnOneThread() throws InterruptedException {
        // Two functions that wait for each other can both run only if each has its own goroutine.
        Chan<Boolean> a = Chan.make();
        Chan<Boolean> b = Chan.make();
        Chan<Boolean> done = Chan.make(2);
        Time.afterFunc(Duration.ZERO, () -> handshake(a, b, done));
        Time.afterFunc(Duration.ZERO, () -> handshake(b, a, done));
        done.recv();
        done.recv();
    }

    private static void handshake(Chan<Boolean> mine, Chan<Boolean> theirs, Chan<Boolean> done) {
        try {
            Select.select(Case.send(theirs, true, () -> null), Case.recv(mine, v -> null));
            done.send(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void stopPreventsAnAfterFuncAndResetRearmsIt() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Timer t = Time.afterFunc(Duration.ofMillis(50), runs::incrementAndGet);
        assertTrue(t.stop());
        Time.sleep(Duration.ofMillis(100));
        assertEquals(0, runs.get(), "a stopped AfterFunc ran");
        assertFalse(t.reset(Duration.ofMillis(10)), "reset of a stopped timer");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runs.get() == 0 && System.nanoTime() < deadline) Time.sleep(Duration.ofMillis(5));
        assertEquals(1, runs.get(), "reset did not re-arm the AfterFunc");
    }

    @Test
    void afterWithANonPositiveDurationFiresAtOnce() throws InterruptedException {
        assertNotNull(Time.after(Duration.ZERO).recv());
        assertNotNull(Time.after(Duration.ofSeconds(-1)).recv());
    }

    @Test
    void tickerStopIsIdempotentAndKeepsTheChannelOpen() throws InterruptedException {
        Ticker t = Time.newTicker(Duration.ofMillis(5));
        assertNotNull(t.c().recv());
        t.stop();
        t.stop();
        Time.sleep(Duration.ofMillis(30));
        assertNull(t.c().tryRecv(), "a tick after stop (Go 1.23: no stale tick either)");
        t.reset(Duration.ofMillis(5));
        assertNotNull(t.c().recv(), "reset restarts a stopped ticker");
        t.stop();
    }

    @Test
    void aTickHappensBeforeItsReceive() throws InterruptedException {
        Ticker t = Time.newTicker(Duration.ofMillis(1));
        try {
            Instant previous = Instant.MIN;
            for (int i = 0; i < 20; i++) {
                Instant tick = t.c().recv();
                assertFalse(tick.isAfter(Instant.now()), "a tick from the future");
                assertFalse(tick.isBefore(previous), "ticks out of order");
                previous = tick;
            }
        } finally {
            t.stop();
        }
    }

    /** The live platform threads (Thread.getAllStackTraces lists no virtual thread). */
    private static int platformThreads() {
        return Thread.getAllStackTraces().size();
    }

    /** Every timer is an entry in one shared heap: 100,000 timers, tickers, AfterFuncs and timeouts add no thread. */
    @Test
    void oneHundredThousandTimersCreateNoThreads() throws InterruptedException {
        Time.newTimer(Duration.ofHours(1)).stop(); // the timer thread exists from here on
        int before = platformThreads();
        List<Timer> timers = new ArrayList<>();
        List<Ticker> tickers = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            switch (i % 4) {
                case 0 -> timers.add(Time.newTimer(Duration.ofHours(1)));
                case 1 -> timers.add(Time.afterFunc(Duration.ofHours(1), () -> {}));
                case 2 -> tickers.add(Time.newTicker(Duration.ofHours(1)));
                default -> Select.select(Case.after(Duration.ofHours(1), () -> null), Case.otherwise(() -> null));
            }
        }
        Chan<Integer> ready = Chan.make(1);
        for (int i = 0; i < 10_000; i++) {
            ready.send(i);
            Select.select(Case.recv(ready, v -> v), Case.after(Duration.ofHours(1), () -> -1));
        }
        int during = platformThreads();
        for (Timer t : timers) t.stop();
        for (Ticker t : tickers) t.stop();
        assertTrue(during - before <= 3, "threads before " + before + ", with 100,000 timers " + during);
        long timerThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("go4j-timer")).count();
        assertTrue(timerThreads <= 1, timerThreads + " timer threads");
    }

    /** The instant in {@code text} between {@code prefix} and the closing bracket. */
    private static Instant instantAfter(String prefix, String text) {
        assertTrue(text.startsWith(prefix) && text.endsWith("]"), text);
        return Instant.parse(text.substring(prefix.length(), text.length() - 1));
    }

    private static void assertAboutAnHourFromNow(Instant at, String text) {
        Duration left = Duration.between(Instant.now(), at);
        assertTrue(left.compareTo(Duration.ofMinutes(59)) > 0 && left.compareTo(Duration.ofMinutes(61)) < 0, text);
    }

    @Test
    void timersAndTickersSayWhatTheyAre() throws InterruptedException {
        Timer t = Time.newTimer(Duration.ofHours(1));
        assertAboutAnHourFromNow(instantAfter("Timer[fires at ", t.toString()), t.toString());
        t.stop();
        assertEquals("Timer[stopped]", t.toString());

        Timer fired = Time.newTimer(Duration.ofMillis(1));
        Instant value = fired.c().recv();
        assertEquals("Timer[fired at " + value.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "]", fired.toString());
        fired.reset(Duration.ofHours(1));
        assertAboutAnHourFromNow(instantAfter("Timer[fires at ", fired.toString()), fired.toString());
        fired.stop();

        Timer f = Time.afterFunc(Duration.ofHours(1), () -> {});
        assertAboutAnHourFromNow(instantAfter("Timer[afterFunc, fires at ", f.toString()), f.toString());
        f.stop();
        assertEquals("Timer[afterFunc, stopped]", f.toString());

        Ticker tk = Time.newTicker(Duration.ofHours(1));
        assertAboutAnHourFromNow(instantAfter("Ticker[every PT1H, next tick at ", tk.toString()), tk.toString());
        tk.stop();
        assertEquals("Ticker[every PT1H, stopped]", tk.toString());
    }
}
