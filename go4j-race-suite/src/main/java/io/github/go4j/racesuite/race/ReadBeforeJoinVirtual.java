package io.github.go4j.racesuite.race;

/** main reads {@code result} before joining the virtual thread that writes it: the thread's write and main's read race. */
public final class ReadBeforeJoinVirtual {

    private static int result;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = Thread.startVirtualThread(() -> result = 42);
        int early = result;
        worker.join();
        System.out.println("early " + early + ", late " + result);
    }
}
