package io.github.go4j.racesuite.race;

/** main joins thread {@code a} but reads what thread {@code b} wrote (Thread.Builder threads): b's write of {@code fromB} races with main's read. */
public final class JoinWrongThread {

    private static int fromA;
    private static int fromB;

    public static void main(String[] args) throws InterruptedException {
        Thread a = Thread.ofPlatform().name("a").start(() -> fromA = 1);
        Thread b = Thread.ofPlatform().name("b").start(() -> fromB = 2);
        a.join();
        int sum = fromA + fromB;
        b.join();
        System.out.println("sum = " + sum);
    }
}
