package io.github.go4j.racesuite.race;

/** A record's compact constructor counts instances in a static field; two threads construct records: the two {@code created++} race. */
public final class RecordStaticCounter {

    record Point(int x, int y) {
        static int created;

        Point {
            created++;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> new Point(1, 2));
        Thread b = new Thread(() -> new Point(3, 4));
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("created = " + Point.created);
    }
}
