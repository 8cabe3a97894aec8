package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
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
 * One consumer selecting over two buffered (16) channels, each fed by its own producer: ns per message
 * received (Go twin: BenchmarkSelectOfTwo). java.util.concurrent and JCTools have no select, so they have
 * no row here. Each peer's select is written as its documentation shows it, cases built inline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=2")
@State(Scope.Benchmark)
public class SelectOfTwoBench {

    static final int CAPACITY = 16;

    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long go4j() throws InterruptedException {
        Chan<Integer> a = Chan.make(CAPACITY);
        Chan<Integer> b = Chan.make(CAPACITY);
        int half = Batch.MESSAGES / 2;
        long[] sum = new long[1];
        VirtualThreads threads = new VirtualThreads();
        threads.start(() -> {
            for (int i = 0; i < half; i++) a.send(Batch.value(i));
        });
        threads.start(() -> {
            for (int i = half; i < Batch.MESSAGES; i++) b.send(Batch.value(i));
        });
        threads.start(() -> {
            long s = 0;
            for (int i = 0; i < Batch.MESSAGES; i++) {
                s += Select.select(Case.recv(a, v -> v), Case.recv(b, v -> v));
            }
            sum[0] = s;
        });
        threads.joinAll();
        return Batch.check("select sum", sum[0], Batch.sumOfValues(Batch.MESSAGES));
    }

    /** jox's select over receive clauses. */
    @Benchmark
    @OperationsPerInvocation(Batch.MESSAGES)
    public long jox() throws InterruptedException {
        Channel<Integer> a = Channel.newBufferedChannel(CAPACITY);
        Channel<Integer> b = Channel.newBufferedChannel(CAPACITY);
        int half = Batch.MESSAGES / 2;
        long[] sum = new long[1];
        VirtualThreads threads = new VirtualThreads();
        threads.start(() -> {
            for (int i = 0; i < half; i++) a.send(Batch.value(i));
        });
        threads.start(() -> {
            for (int i = half; i < Batch.MESSAGES; i++) b.send(Batch.value(i));
        });
        threads.start(() -> {
            long s = 0;
            for (int i = 0; i < Batch.MESSAGES; i++) {
                s += com.softwaremill.jox.Select.select(a.receiveClause(), b.receiveClause());
            }
            sum[0] = s;
        });
        threads.joinAll();
        return Batch.check("select sum", sum[0], Batch.sumOfValues(Batch.MESSAGES));
    }
}
