package org.example.consumer;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.sync.WaitGroup;

/** Sums the squares of 1..n: one goroutine per number sends its square on a channel, main adds them up. */
public final class SumOfSquares {
    private SumOfSquares() {}

    /**
     * The sum of the squares of 1..n, each computed on its own goroutine.
     *
     * @param n the last number
     * @return 1² + 2² + ... + n²
     * @throws InterruptedException if interrupted while receiving
     */
    public static long of(int n) throws InterruptedException {
        Chan<Long> squares = Chan.make();
        WaitGroup wg = new WaitGroup();
        for (long i = 1; i <= n; i++) {
            long x = i;
            wg.add(1);
            Go.go(() -> {
                try {
                    squares.send(x * x);
                } finally {
                    wg.done();
                }
            });
        }
        Go.go(() -> {
            wg.await();       // every square sent...
            squares.close();  // ...then no more values
        });
        long sum = 0;
        for (long square : squares) sum += square;  // until closed and drained
        return sum;
    }

    /**
     * Prints the sum of the squares of 1..n.
     *
     * @param args n (default 100)
     * @throws InterruptedException if interrupted while summing
     */
    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("sum of the squares of 1.." + n + " = " + of(n));
    }
}
