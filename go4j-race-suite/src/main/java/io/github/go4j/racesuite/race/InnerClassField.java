package io.github.go4j.racesuite.race;

/** Two threads set a field of one instance of an inner (non-static) class: the two writes of {@code Cell.value} race. */
public final class InnerClassField {

    final class Cell {
        int value;
    }

    void run() throws InterruptedException {
        Cell cell = new Cell();
        Thread a = new Thread(() -> cell.value = 1);
        Thread b = new Thread(() -> cell.value = 2);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("value = " + cell.value);
    }

    public static void main(String[] args) throws InterruptedException {
        new InnerClassField().run();
    }
}
