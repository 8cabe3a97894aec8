package io.github.go4j.bench;

import com.softwaremill.jox.Channel;
import io.github.go4j.chan.Chan;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpmcArrayQueue;

/**
 * A blocking put/take over one peer's channel or queue, so that the transfer and ping-pong workloads are
 * written once for every peer. Each record states that peer's best practice for a blocking hand-off.
 *
 * <p>The call sites in {@link Transfer} and {@link PingPong} see one implementation per JMH fork (each
 * benchmark runs in its own JVM), so the JIT inlines them as if the peer were called directly.
 */
sealed interface Pipe {

    void put(Integer v) throws InterruptedException;

    Integer take() throws InterruptedException;

    /** go4j: {@code ch.send(v)} / {@code ch.recv()}. */
    record Go4j(Chan<Integer> ch) implements Pipe {
        @Override public void put(Integer v) throws InterruptedException { ch.send(v); }
        @Override public Integer take() throws InterruptedException { return ch.recv(); }
    }

    /** jox: {@code send} / {@code receive} (rendezvous or buffered). */
    record Jox(Channel<Integer> ch) implements Pipe {
        @Override public void put(Integer v) throws InterruptedException { ch.send(v); }
        @Override public Integer take() throws InterruptedException { return ch.receive(); }
    }

    /** java.util.concurrent: {@code put} / {@code take} (SynchronousQueue, ArrayBlockingQueue, LinkedTransferQueue). */
    record Queue(BlockingQueue<Integer> q) implements Pipe {
        @Override public void put(Integer v) throws InterruptedException { q.put(v); }
        @Override public Integer take() throws InterruptedException { return q.take(); }
    }

    /** java.util.concurrent's other rendezvous: {@code LinkedTransferQueue.transfer} waits until a taker has the value. */
    record Transferring(TransferQueue<Integer> q) implements Pipe {
        @Override public void put(Integer v) throws InterruptedException { q.transfer(v); }
        @Override public Integer take() throws InterruptedException { return q.take(); }
    }

    /**
     * JCTools' MPMC array queue, which never blocks: a full {@code offer} or empty {@code poll} is retried
     * with a back-off in the manner of Agrona's {@code BackoffIdleStrategy} (JCTools ships no idle strategy of
     * its own): {@value #SPINS} spins with {@link Thread#onSpinWait()}, then {@value #YIELDS}
     * {@link Thread#yield()}s (on a virtual thread, yield hands the carrier to another runnable virtual
     * thread), then {@code parkNanos} from 1 µs doubling to 1 ms, which frees the carrier. Pure spin-and-yield
     * stalled for over a minute with 200 virtual threads on 2 carriers. It is still a busy-wait: it burns
     * CPU while it waits, which a blocking channel does not.
     */
    record Jctools(MpmcArrayQueue<Integer> q) implements Pipe {
        static final int SPINS = 64;
        static final int YIELDS = 64;
        static final int MAX_PARK_SHIFT = 10; // 1 µs << 10 ≈ 1 ms

        @Override public void put(Integer v) {
            for (int attempt = 0; !q.offer(v); attempt++) idle(attempt);
        }

        @Override public Integer take() {
            Integer v;
            for (int attempt = 0; (v = q.poll()) == null; attempt++) idle(attempt);
            return v;
        }

        static void idle(int attempt) {
            if (attempt < SPINS) {
                Thread.onSpinWait();
            } else if (attempt < SPINS + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(1_000L << Math.min(attempt - SPINS - YIELDS, MAX_PARK_SHIFT));
            }
        }
    }
}
