package io.github.go4j.racesuite.norace;

/** Two threads write disjoint halves of one array (each element by one thread); main sums it after join. */
public final class ArrayDistinctElements {

    public static void main(String[] args) throws InterruptedException {
        int[] values = new int[64];
        Thread low = new Thread(() -> {
            for (int i = 0; i < 32; i++) {
                values[i] = i;
            }
        });
        Thread high = new Thread(() -> {
            for (int i = 32; i < 64; i++) {
                values[i] = i;
            }
        });
        low.start();
        high.start();
        low.join();
        high.join();
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        if (sum != 64 * 63 / 2) {
            throw new AssertionError();
        }
    }
}
