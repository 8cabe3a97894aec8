package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * One consumer selecting over two buffered (16) channels, each fed by its own producer: ns per message
 * received (Go twin: BenchmarkSelectOfTwo). java.util.concurrent and JCTools have no select, so they have
 * no row here. Each peer's select is written as its documentation shows it, cases built inline.
 */
public class SelectOfTwoBench extends PeerBenchmark {

    static final int CAPACITY = 16;

    /** One peer's select over the two channels, returning the value received. */
    @FunctionalInterface
    private interface SelectOne {
        Integer select() throws InterruptedException;
    }

    /** Producers on {@code a} and {@code b} (half the batch each), one consumer running {@code select}. */
    private static long run(Pipe a, Pipe b, SelectOne select) throws InterruptedException {
        int half = Batch.MESSAGES / 2;
        long[] sum = new long[1];
        VirtualThreads threads = new VirtualThreads();
        threads.start(() -> {
            for (int i = 0; i < half; i++) a.put(Batch.value(i));
        });
        threads.start(() -> {
            for (int i = half; i < Batch.MESSAGES; i++) b.put(Batch.value(i));
        });
        threads.start(() -> {
            long s = 0;
            for (int i = 0; i < Batch.MESSAGES; i++) s += select.select();
            sum[0] = s;
        });
        threads.joinAll();
        return Batch.check("select sum", sum[0], Batch.sumOfValues(Batch.MESSAGES));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long go4j() throws InterruptedException {
        Chan<Integer> a = Chan.make(CAPACITY);
        Chan<Integer> b = Chan.make(CAPACITY);
        return run(new Pipe.Go4j(a), new Pipe.Go4j(b), () -> Select.select(Case.recv(a, v -> v), Case.recv(b, v -> v)));
    }

    /** jox's select over receive clauses. */
    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long jox() throws InterruptedException {
        Channel<Integer> a = Channel.newBufferedChannel(CAPACITY);
        Channel<Integer> b = Channel.newBufferedChannel(CAPACITY);
        return run(new Pipe.Jox(a), new Pipe.Jox(b), () -> com.softwaremill.jox.Select.select(a.receiveClause(), b.receiveClause()));
    }
}
