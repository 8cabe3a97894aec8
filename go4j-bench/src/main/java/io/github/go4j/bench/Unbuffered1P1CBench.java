package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Chan;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * One producer, one consumer, unbuffered: ns per message (Go twin: BenchmarkUnbuffered1P1C). JCTools has
 * no rendezvous, so it has no row here.
 */
public class Unbuffered1P1CBench extends PeerBenchmark {

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
