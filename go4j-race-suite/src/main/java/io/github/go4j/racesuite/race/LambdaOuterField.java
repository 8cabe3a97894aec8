package io.github.go4j.racesuite.race;

/** A lambda run by two threads adds to a field of its enclosing instance: the two {@code this.total +=} race. */
public final class LambdaOuterField {

    private long total;

    void run() throws InterruptedException {
        Runnable add = () -> total += 5;
        Thread a = new Thread(add);
        Thread b = new Thread(add);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("total = " + total);
    }

    public static void main(String[] args) throws InterruptedException {
        new LambdaOuterField().run();
    }
}
