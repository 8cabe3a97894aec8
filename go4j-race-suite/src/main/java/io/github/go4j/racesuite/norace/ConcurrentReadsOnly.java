package io.github.go4j.racesuite.norace;

/** Two threads only read fields and elements written before they were started: reads never conflict with reads. */
public final class ConcurrentReadsOnly {

    private static int[] table;
    private static String name;

    public static void main(String[] args) throws InterruptedException {
        table = new int[] {1, 2, 3};
        name = "table";
        Runnable read = () -> {
            if (table[0] + table[1] + table[2] != 6 || name.length() != 5) {
                throw new AssertionError();
            }
        };
        Thread a = new Thread(read);
        Thread b = new Thread(read);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
