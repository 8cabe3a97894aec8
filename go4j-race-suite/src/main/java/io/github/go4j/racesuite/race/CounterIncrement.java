package io.github.go4j.racesuite.race;

/** The classic: two threads each do {@code count++} 1000 times with no synchronisation; the increments race. */
public final class CounterIncrement {

    private static int count;

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                count++;
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("count = " + count + " (2000 expected)");
    }
}
