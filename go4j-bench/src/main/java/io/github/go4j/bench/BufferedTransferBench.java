package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Chan;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * P producers → C consumers over a buffered channel, ns per message; each subclass fixes P, C and the
 * capacities (JMH generates the inherited benchmarks for every concrete subclass, named after it).
 *
 * <p>{@code LinkedTransferQueue} is unbounded (its {@code put} never blocks), so it is the j.u.c peer of a
 * buffered channel only in kind; {@code ArrayBlockingQueue} has the same bound as the channel.
 */
public abstract class BufferedTransferBench extends PeerBenchmark {

    abstract int producers();

    abstract int consumers();

    abstract int capacity();

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long go4j() throws InterruptedException {
        return Transfer.run(new Pipe.Go4j(Chan.make(capacity())), producers(), consumers());
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long jox() throws InterruptedException {
        return Transfer.run(new Pipe.Jox(Channel.newBufferedChannel(capacity())), producers(), consumers());
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long juc_ArrayBlockingQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Queue(new ArrayBlockingQueue<>(capacity())), producers(), consumers());
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long juc_LinkedTransferQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Queue(new LinkedTransferQueue<>()), producers(), consumers());
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long jctools_MpmcArrayQueue() throws InterruptedException {
        return Transfer.run(new Pipe.Jctools(new MpmcArrayQueue<>(capacity())), producers(), consumers());
    }
}
