package io.github.go4j.racesuite.race;

/** Two threads count into one histogram with {@code counts[k]++} and no lock: the increments of each bucket race. */
public final class ArrayElementIncrement {

    public static void main(String[] args) throws InterruptedException {
        long[] counts = new long[4];
        Runnable count = () -> {
            for (int i = 0; i < 1_000; i++) {
                counts[i % 4]++;
            }
        };
        Thread a = new Thread(count);
        Thread b = new Thread(count);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(counts[0] + counts[1] + counts[2] + counts[3]);
    }
}
