package io.github.go4j.bench;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The floor under every row where a goroutine waits: what the JDK charges to hand control from one virtual
 * thread to another, with no channel at all. Two virtual threads take turns on a volatile field, per round
 * trip: {@code yield} waits with {@code Thread.yield()} (a continuation switch when both run on one
 * carrier, which is where communicating virtual threads end up), {@code park} with
 * {@code LockSupport.park}/{@code unpark}. A channel wait costs at least one such switch; go4j's ping-pong
 * and unbuffered rows are compared with it in the report. Not a peer's row: the JDK itself, so it is listed
 * under j.u.c.
 */
public class VirtualThreadFloorBench extends PeerBenchmark {

    private volatile int turn;

    private long rounds(boolean park) throws InterruptedException {
        turn = 0;
        AtomicReferenceArray<Thread> players = new AtomicReferenceArray<>(2);
        VirtualThreads threads = new VirtualThreads();
        for (int me = 0; me < 2; me++) {
            final int self = me;
            players.set(me, threads.start(() -> {
                Thread other;
                while ((other = players.get(1 - self)) == null) Thread.onSpinWait();
                for (int i = 0; i < Batch.PING_PONG_ROUNDS; i++) {
                    while (turn != self) {
                        if (park) LockSupport.park(this);
                        else Thread.yield();
                    }
                    turn = 1 - self;
                    if (park) LockSupport.unpark(other);
                }
            }));
        }
        threads.joinAll();
        return turn;
    }

    @Benchmark
    @OperationsPerInvocation(Batch.PING_PONG_ROUNDS)
    public long juc_YieldRoundTrip() throws InterruptedException {
        return rounds(false);
    }

    @Benchmark
    @OperationsPerInvocation(Batch.PING_PONG_ROUNDS)
    public long juc_ParkRoundTrip() throws InterruptedException {
        return rounds(true);
    }
}
