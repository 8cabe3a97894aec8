package io.github.go4j.bench;

import io.github.go4j.spi.internal.Events;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of one event-SPI hook with no listener registered: {@code Events.release}/{@code acquire} in a
 * loop, against the same loop without the call. The difference is the hook's cost (one volatile read and a
 * branch); the report multiplies it by the hooks a message passes through and compares that with go4j's
 * ping-pong and buffered rows (the bound: under 2%).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class EventHooksBench {

    static final int CALLS = 1_000;

    private final Object sync = new Object();

    @Setup
    public void noListener() {
        if (Events.enabled()) throw new IllegalStateException("a listener is registered: this measures the hooks without one");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void go4j_baseline(Blackhole bh) {
        for (int i = 0; i < CALLS; i++) bh.consume(i);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void go4j_release(Blackhole bh) {
        for (int i = 0; i < CALLS; i++) {
            Events.release(sync, i);
            bh.consume(i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void go4j_acquire(Blackhole bh) {
        for (int i = 0; i < CALLS; i++) {
            Events.acquire(sync, i);
            bh.consume(i);
        }
    }
}
