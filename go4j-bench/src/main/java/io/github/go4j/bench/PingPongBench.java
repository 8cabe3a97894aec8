package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Chan;
import java.util.concurrent.SynchronousQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Ping-pong over two unbuffered channels, ns per round trip (Go twin: BenchmarkPingPong).
 */
public class PingPongBench extends PeerBenchmark {

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
