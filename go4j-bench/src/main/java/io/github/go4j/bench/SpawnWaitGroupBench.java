package io.github.go4j.bench;

import io.github.go4j.Go;
import io.github.go4j.sync.WaitGroup;
import java.util.concurrent.CountDownLatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Starting a goroutine that signals a wait group, from a goroutine: ns per goroutine (Go twin:
 * BenchmarkSpawnWaitGroup). jox and JCTools start no threads, so they have no row here.
 *
 * <p>go4j's row is Go's loop: {@code wg.add(1); Go.go(wg::done)} per goroutine, then {@code wg.await()}.
 */
public class SpawnWaitGroupBench extends PeerBenchmark {

    @Benchmark
    @OperationsPerInvocation(Batch.SPAWN_GOROUTINES)
    public void go4j() throws InterruptedException {
        VirtualThreads.runOnVirtualThread(() -> {
            WaitGroup wg = new WaitGroup();
            for (int i = 0; i < Batch.SPAWN_GOROUTINES; i++) {
                wg.add(1);
                Go.go(wg::done);
            }
            wg.await();
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
