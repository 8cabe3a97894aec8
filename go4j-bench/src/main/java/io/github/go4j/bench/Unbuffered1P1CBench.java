package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Chan;
import java.util.concurrent.LinkedTransferQueue;
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

/**
 * One producer, one consumer, unbuffered: ns per message (Go twin: BenchmarkUnbuffered1P1C). JCTools has
 * no rendezvous, so it has no row here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=2")
@State(Scope.Benchmark)
public class Unbuffered1P1CBench {

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long go4j() throws InterruptedException {
        return Transfer.run(new Pipe.Go4j(Chan.make()), 1, 1);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long jox() throws InterruptedException {
        return Transfer.run(new Pipe.Jox(Channel.newRendezvousChannel()), 1, 1);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long juc_SynchronousQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Queue(new SynchronousQueue<>()), 1, 1);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long juc_LinkedTransferQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Transferring(new LinkedTransferQueue<>()), 1, 1);
    }
}
