package io.github.go4j.racesuite.norace;

/** Two threads update a field of one inner-class instance and an anonymous class's field, each inside that object's synchronized methods. */
public final class InnerClassSynchronized {

    final class Cell {
        private int value;

        synchronized void add(int n) {
            value += n;
        }

        synchronized int value() {
            return value;
        }
    }

    void run() throws InterruptedException {
        Cell cell = new Cell();
        Runnable counting = new Runnable() {
            private int runs;

            @Override
            public synchronized void run() {
                runs++;
                cell.add(runs);
            }
        };
        Thread a = new Thread(counting);
        Thread b = new Thread(counting);
        a.start();
        b.start();
        a.join();
        b.join();
        if (cell.value() != 3) {
            throw new AssertionError();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        new InnerClassSynchronized().run();
    }
}
