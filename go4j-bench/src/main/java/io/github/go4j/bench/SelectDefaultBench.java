package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import java.util.Queue;
import java.util.concurrent.SynchronousQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.jctools.queues.MpmcArrayQueue;

/**
 * A select with a default over two empty unbuffered channels, which never blocks and always takes the
 * default: ns per select (Go twin: BenchmarkSelectDefault). The loop runs on one virtual thread. The
 * queue peers' equivalent is a {@code poll()} of each of two empty queues.
 */
public class SelectDefaultBench extends PeerBenchmark {

    private static final Integer MISS = 1;
    private static final Integer HIT = 0;

    private interface Poll {
        int missesOf(int ops) throws InterruptedException;
    }

    private static long loop(Poll poll) throws InterruptedException {
        long[] misses = new long[1];
        VirtualThreads.runOnVirtualThread(() -> misses[0] = poll.missesOf(Batch.SELECT_DEFAULT_OPS));
        return Batch.check("select-default misses", misses[0], Batch.SELECT_DEFAULT_OPS);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SELECT_DEFAULT_OPS)
    public long go4j() throws InterruptedException {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make();
        return loop(ops -> {
            int misses = 0;
            for (int i = 0; i < ops; i++) {
                misses += Select.select(Case.otherwise(() -> MISS), Case.recv(a, v -> HIT), Case.recv(b, v -> HIT));
            }
            return misses;
        });
    }

    /** jox: a select with {@code Select.defaultClause}. */
    @Benchmark
    @OperationsPerInvocation(Batch.SELECT_DEFAULT_OPS)
    public long jox() throws InterruptedException {
        Channel<Integer> a = Channel.newRendezvousChannel();
        Channel<Integer> b = Channel.newRendezvousChannel();
        return loop(ops -> {
            int misses = 0;
            for (int i = 0; i < ops; i++) {
                misses += com.softwaremill.jox.Select.select(
                        a.receiveClause(v -> HIT), b.receiveClause(v -> HIT),
                        com.softwaremill.jox.Select.defaultClause(MISS));
            }
            return misses;
        });
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SELECT_DEFAULT_OPS)
    public long juc_SynchronousQueue() throws InterruptedException {
        return pollBoth(new SynchronousQueue<>(), new SynchronousQueue<>());
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SELECT_DEFAULT_OPS)
    public long jctools_MpmcArrayQueue() throws InterruptedException {
        return pollBoth(new MpmcArrayQueue<>(16), new MpmcArrayQueue<>(16));
    }

    /** A queue's non-blocking "select": {@code poll()} each of the two, a miss when both are empty. */
    private static long pollBoth(Queue<Integer> a, Queue<Integer> b) throws InterruptedException {
        return loop(ops -> {
            int misses = 0;
            for (int i = 0; i < ops; i++) {
                if (a.poll() == null && b.poll() == null) misses++;
            }
            return misses;
        });
    }
}
