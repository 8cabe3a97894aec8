package io.github.go4j.racesuite.race;

/** One anonymous Runnable instance with its own field {@code runs} is run by two threads: the two {@code runs++} race. */
public final class AnonymousClassField {

    public static void main(String[] args) throws InterruptedException {
        Runnable counting = new Runnable() {
            int runs;

            @Override
            public void run() {
                runs++;
            }

            @Override
            public String toString() {
                return "runs = " + runs;
            }
        };
        Thread a = new Thread(counting);
        Thread b = new Thread(counting);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(counting);
    }
}
