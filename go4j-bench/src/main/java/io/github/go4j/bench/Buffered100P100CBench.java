package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Chan;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Param;
import org.jctools.queues.MpmcArrayQueue;

/**
 * A hundred producers, a hundred consumers, buffered 16: ns per message (Go twin: BenchmarkBuffered100P100C16).
 *
 * <p>{@code LinkedTransferQueue} is unbounded (its {@code put} never blocks), so it is the j.u.c peer of a
 * buffered channel only in kind; {@code ArrayBlockingQueue} has the same bound as the channel.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=2")
@State(Scope.Benchmark)
public class Buffered100P100CBench {

    @Param({"16"})
    public int capacity;

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long go4j() throws InterruptedException {
        return Transfer.run(new Pipe.Go4j(Chan.make(capacity)), 100, 100);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long jox() throws InterruptedException {
        return Transfer.run(new Pipe.Jox(Channel.newBufferedChannel(capacity)), 100, 100);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long juc_ArrayBlockingQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Queue(new ArrayBlockingQueue<>(capacity)), 100, 100);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long juc_LinkedTransferQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Queue(new LinkedTransferQueue<>()), 100, 100);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long jctools_MpmcArrayQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Jctools(new MpmcArrayQueue<>(capacity)), 100, 100);
    }
}
