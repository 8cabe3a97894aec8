package io.github.go4j.racesuite.norace;

/** A lambda adding to a field of its enclosing instance runs in two threads one after the other (the second starts after the first is joined). */
public final class LambdaOuterFieldSequential {

    private long total;

    void run() throws InterruptedException {
        Runnable add = () -> total += 5;
        Thread a = new Thread(add);
        a.start();
        a.join();
        Thread b = new Thread(add);
        b.start();
        b.join();
        if (total != 10) {
            throw new AssertionError();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        new LambdaOuterFieldSequential().run();
    }
}
