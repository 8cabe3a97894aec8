package io.github.go4j.racesuite.race;

/** An enum constant with a mutable field is shared by two threads: the two {@code Level.HIGH.uses++} race. */
public final class EnumMutableField {

    enum Level {
        LOW, HIGH;

        int uses;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> Level.HIGH.uses++);
        Thread b = new Thread(() -> Level.HIGH.uses++);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("uses = " + Level.HIGH.uses);
    }
}
