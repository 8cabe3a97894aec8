package io.github.go4j.bench;

/** The ping-pong workload: a value goes out on one pipe and comes back on the other, {@link Batch#PING_PONG_ROUNDS} times. */
final class PingPong {

    private PingPong() {}

    /** Runs the pinger and the ponger on virtual threads; returns the checked sum of what came back. */
    static long run(Pipe ping, Pipe pong) throws InterruptedException {
        int rounds = Batch.PING_PONG_ROUNDS;
        long[] sum = new long[1];
        VirtualThreads threads = new VirtualThreads();
        threads.start(() -> {
            for (int i = 0; i < rounds; i++) pong.put(ping.take());
        });
        threads.start(() -> {
            long s = 0;
            for (int i = 0; i < rounds; i++) {
                ping.put(Batch.value(i));
                s += pong.take();
            }
            sum[0] = s;
        });
        threads.joinAll();
        return Batch.check("ping-pong sum", sum[0], Batch.sumOfValues(rounds));
    }
}
