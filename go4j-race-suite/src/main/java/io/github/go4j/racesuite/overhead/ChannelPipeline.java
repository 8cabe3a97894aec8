package io.github.go4j.racesuite.overhead;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/**
 * A go4j channel pipeline: a generator goroutine sends 1..N, a squaring stage, a filter stage keeping the
 * odd squares, and a sink summing them, connected by buffered channels that each stage closes when its
 * input is exhausted. The sink's sum is checked against the closed form Σ (2k-1)² = m(2m-1)(2m+1)/3.
 */
public final class ChannelPipeline {

    private static final int N = 1_000_000;
    private static final int BUFFER = 64;

    static final class Item {
        long value;

        Item(long value) {
            this.value = value;
        }
    }

    private ChannelPipeline() {}

    public static void main(String[] args) throws InterruptedException {
        Chan<Item> numbers = Chan.make(BUFFER);
        Chan<Item> squares = Chan.make(BUFFER);
        Chan<Item> odd = Chan.make(BUFFER);
        Go.go(() -> {
            for (long i = 1; i <= N; i++) {
                numbers.send(new Item(i));
            }
            numbers.close();
        });
        Go.go(() -> {
            for (Item item : numbers) {
                item.value *= item.value; // the stage owns the item after receiving it
                squares.send(item);
            }
            squares.close();
        });
        Go.go(() -> {
            for (Item item : squares) {
                if ((item.value & 1) == 1) {
                    odd.send(item);
                }
            }
            odd.close();
        });
        long sum = 0;
        long count = 0;
        for (Item item : odd) {
            sum += item.value;
            count++;
        }
        long m = (N + 1) / 2;
        long expected = m * (2 * m - 1) * (2 * m + 1) / 3;
        if (sum != expected || count != m) {
            throw new IllegalStateException("sum " + sum + " of " + count + ", expected " + expected + " of " + m);
        }
        System.out.printf("pipeline %d items through 3 stages: checksum %d ok%n", N, sum);
    }
}
