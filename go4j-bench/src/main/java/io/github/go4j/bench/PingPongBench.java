package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Chan;
import java.util.concurrent.SynchronousQueue;
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
import org.jctools.queues.MpmcArrayQueue;

/**
 * Ping-pong over two unbuffered channels, ns per round trip (Go twin: BenchmarkPingPong). Method names are
 * {@code peer_variant}; the report's columns are the peers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=2")
@State(Scope.Benchmark)
public class PingPongBench {

    @Benchmark
    @OperationsPerInvocation(Batch.PING_PONG_ROUNDS)
    public long go4j() throws InterruptedException {
        return PingPong.run(new Pipe.Go4j(Chan.make()), new Pipe.Go4j(Chan.make()));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.PING_PONG_ROUNDS)
    public long jox() throws InterruptedException {
        return PingPong.run(new Pipe.Jox(Channel.newRendezvousChannel()), new Pipe.Jox(Channel.newRendezvousChannel()));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.PING_PONG_ROUNDS)
    public long juc_SynchronousQueue() throws InterruptedException {
        return PingPong.run(new Pipe.Queue(new SynchronousQueue<>()), new Pipe.Queue(new SynchronousQueue<>()));
    }

    /** A queue fits here: one value is in flight at a time, so capacity 2 (JCTools' least) never fills. */
    @Benchmark
    @OperationsPerInvocation(Batch.PING_PONG_ROUNDS)
    public long jctools_MpmcArrayQueue() throws InterruptedException {
        return PingPong.run(new Pipe.Jctools(new MpmcArrayQueue<>(2)), new Pipe.Jctools(new MpmcArrayQueue<>(2)));
    }
}
