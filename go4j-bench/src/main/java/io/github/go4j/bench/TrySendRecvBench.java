package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;
import io.github.go4j.chan.Chan;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Contended non-blocking operations on one buffered (16) channel: two virtual threads {@code trySend} and
 * two {@code tryRecv}, {@value Batch#TRY_OPS} attempts in all, successful or not: ns per attempt (Go twin:
 * BenchmarkTrySendRecv, a select with a default). The check: what was sent equals what was received plus
 * what is left in the channel.
 */
public class TrySendRecvBench extends PeerBenchmark {

    static final int CAPACITY = 16;

    /** One peer's non-blocking send and receive. */
    private interface Attempts {
        boolean trySend(Integer v);

        boolean tryRecv();
    }

    private static long run(Attempts ch) throws InterruptedException {
        int perThread = Batch.TRY_OPS / 4;
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        VirtualThreads threads = new VirtualThreads();
        for (int t = 0; t < 2; t++) {
            threads.start(() -> {
                long n = 0;
                for (int i = 0; i < perThread; i++) if (ch.trySend(Batch.value(i))) n++;
                sent.addAndGet(n);
            });
            threads.start(() -> {
                long n = 0;
                for (int i = 0; i < perThread; i++) if (ch.tryRecv()) n++;
                received.addAndGet(n);
            });
        }
        threads.joinAll();
        long left = 0;
        while (ch.tryRecv()) left++;
        return Batch.check("sent - received - left", sent.get() - received.get() - left, 0) + sent.get();
    }

    @Benchmark
    @OperationsPerInvocation(Batch.TRY_OPS)
    public long go4j() throws InterruptedException {
        Chan<Integer> ch = Chan.make(CAPACITY);
        return run(new Attempts() {
            @Override public boolean trySend(Integer v) { return ch.trySend(v); }

            @Override public boolean tryRecv() { return ch.tryRecv() != null; }
        });
    }

    /** jox 1.0.1 has no trySend/tryReceive: its non-blocking form is a select with a default clause. */
    @Benchmark
    @OperationsPerInvocation(Batch.TRY_OPS)
    public long jox() throws InterruptedException {
        Channel<Integer> ch = Channel.newBufferedChannel(CAPACITY);
        return run(new Attempts() {
            @Override public boolean trySend(Integer v) {
                try {
                    return Select.select(ch.sendClause(v, () -> true), Select.defaultClause(false));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override public boolean tryRecv() {
                try {
                    return Select.select(ch.receiveClause(v -> true), Select.defaultClause(false));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(Batch.TRY_OPS)
    public long juc_ArrayBlockingQueue() throws InterruptedException {
        return run(offerPoll(new ArrayBlockingQueue<>(CAPACITY)));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.TRY_OPS)
    public long jctools_MpmcArrayQueue() throws InterruptedException {
        return run(offerPoll(new MpmcArrayQueue<>(CAPACITY)));
    }

    private static Attempts offerPoll(Queue<Integer> q) {
        return new Attempts() {
            @Override public boolean trySend(Integer v) { return q.offer(v); }

            @Override public boolean tryRecv() { return q.poll() != null; }
        };
    }
}
