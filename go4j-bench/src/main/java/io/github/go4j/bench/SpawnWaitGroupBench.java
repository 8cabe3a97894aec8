package io.github.go4j.bench;

import io.github.go4j.Go;
import java.util.concurrent.CountDownLatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Starting a goroutine that signals a wait group, from a goroutine: ns per goroutine (Go twin:
 * BenchmarkSpawnWaitGroup). jox and JCTools start no threads, so they have no row here.
 *
 * <p>go4j's row uses {@code Go.go} with a {@link CountDownLatch} until go4j's {@code WaitGroup} (branch
 * {@code sync}) is on main; then it becomes {@code wg.add(1); Go.go(wg::done); ... wg.await()}.
 */
public class SpawnWaitGroupBench extends PeerBenchmark {

    @Benchmark
    @OperationsPerInvocation(Batch.SPAWN_GOROUTINES)
    public void go4j() throws InterruptedException {
        VirtualThreads.runOnVirtualThread(() -> {
            CountDownLatch done = new CountDownLatch(Batch.SPAWN_GOROUTINES);
            for (int i = 0; i < Batch.SPAWN_GOROUTINES; i++) Go.go(done::countDown);
            Batch.await(done);
        });
    }

    /** A raw virtual thread per task and a CountDownLatch: the least java.util.concurrent can do. */
    @Benchmark
    @OperationsPerInvocation(Batch.SPAWN_GOROUTINES)
    public void juc_VirtualThreadCountDownLatch() throws InterruptedException {
        VirtualThreads.runOnVirtualThread(() -> {
            CountDownLatch done = new CountDownLatch(Batch.SPAWN_GOROUTINES);
            Thread.Builder.OfVirtual builder = Thread.ofVirtual();
            for (int i = 0; i < Batch.SPAWN_GOROUTINES; i++) builder.start(done::countDown);
            Batch.await(done);
        });
    }
}
