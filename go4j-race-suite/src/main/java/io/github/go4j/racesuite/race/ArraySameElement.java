package io.github.go4j.racesuite.race;

/** Two threads write distinct elements of one array and also the same element {@code slots[1]}: only the two writes of {@code slots[1]} race. */
public final class ArraySameElement {

    public static void main(String[] args) throws InterruptedException {
        int[] slots = new int[3];
        Thread a = new Thread(() -> {
            slots[0] = 1;
            slots[1] = 1;
        });
        Thread b = new Thread(() -> {
            slots[2] = 2;
            slots[1] = 2;
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(slots[0] + " " + slots[1] + " " + slots[2]);
    }
}
