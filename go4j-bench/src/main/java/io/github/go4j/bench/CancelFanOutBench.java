package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.Go;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * One round: start {@value Batch#CANCEL_WAITERS} goroutines that each wait for one cancellation signal, wait
 * until all have started, signal, and wait until all have woken: ns per round (Go twin: BenchmarkCancelFanOut,
 * with {@code context.WithCancel}). The driver is itself a virtual thread and runs
 * {@value Batch#CANCEL_ROUNDS} rounds per invocation.
 *
 * <p>go4j's row is Go's: the waiters do {@code ctx.done().recv()} on a {@code Context.withCancel} child of
 * {@code background()}, and the driver calls {@code cancel()}.
 */
public class CancelFanOutBench extends PeerBenchmark {

    /** One way to broadcast a one-time signal to waiters. */
    private interface Signal {
        void await() throws InterruptedException;

        void fire();
    }

    private static void rounds(java.util.function.Supplier<Signal> newSignal, boolean goroutines)
            throws InterruptedException {
        VirtualThreads.runOnVirtualThread(() -> {
            for (int r = 0; r < Batch.CANCEL_ROUNDS; r++) {
                Signal signal = newSignal.get();
                CountDownLatch ready = new CountDownLatch(Batch.CANCEL_WAITERS);
                CountDownLatch woken = new CountDownLatch(Batch.CANCEL_WAITERS);
                Go.Task waiter = () -> {
                    ready.countDown();
                    signal.await();
                    woken.countDown();
                };
                Thread.Builder.OfVirtual builder = Thread.ofVirtual();
                for (int i = 0; i < Batch.CANCEL_WAITERS; i++) {
                    if (goroutines) Go.go(waiter);
                    else builder.start(() -> {
                        try {
                            waiter.run();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                Batch.await(ready);
                signal.fire();
                Batch.await(woken);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(Batch.CANCEL_ROUNDS)
    public void go4j() throws InterruptedException {
        rounds(() -> {
            CancelContext ctx = Context.withCancel(Context.background());
            return new Signal() {
                @Override public void await() throws InterruptedException {
                    if (ctx.done().recv() != null) throw new IllegalStateException("a value on a done channel");
                }

                @Override public void fire() { ctx.cancel(); }
            };
        }, true);
    }

    /** jox: waiters in {@code receiveOrClosed}, the signal is {@code done()}. */
    @Benchmark
    @OperationsPerInvocation(Batch.CANCEL_ROUNDS)
    public void jox() throws InterruptedException {
        rounds(() -> {
            Channel<Object> done = Channel.newRendezvousChannel();
            return new Signal() {
                @Override public void await() throws InterruptedException { done.receiveOrClosed(); }

                @Override public void fire() { done.done(); }
            };
        }, false);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.CANCEL_ROUNDS)
    public void juc_CompletableFuture() throws InterruptedException {
        rounds(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            return new Signal() {
                @Override public void await() { done.join(); }

                @Override public void fire() { done.complete(null); }
            };
        }, false);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.CANCEL_ROUNDS)
    public void juc_CountDownLatch() throws InterruptedException {
        rounds(() -> {
            CountDownLatch done = new CountDownLatch(1);
            return new Signal() {
                @Override public void await() throws InterruptedException { done.await(); }

                @Override public void fire() { done.countDown(); }
            };
        }, false);
    }
}
