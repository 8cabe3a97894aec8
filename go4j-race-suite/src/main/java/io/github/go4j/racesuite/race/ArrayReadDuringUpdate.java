package io.github.go4j.racesuite.race;

/** One thread adds into {@code totals[0]} with {@code +=} while another only reads it: the read races with the update. */
public final class ArrayReadDuringUpdate {

    public static void main(String[] args) throws InterruptedException {
        double[] totals = new double[1];
        double[] seen = new double[1];
        Thread adder = new Thread(() -> totals[0] += 2.5);
        Thread reader = new Thread(() -> seen[0] = totals[0]);
        adder.start();
        reader.start();
        adder.join();
        reader.join();
        System.out.println(totals[0] + " " + seen[0]);
    }
}
