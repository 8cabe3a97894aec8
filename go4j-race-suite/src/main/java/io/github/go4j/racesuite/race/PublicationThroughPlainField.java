package io.github.go4j.racesuite.race;

/** An object is published through a plain static field: the writer's write of {@code shared} races with the reader's read of it. */
public final class PublicationThroughPlainField {

    static final class Box {
        int value;
    }

    private static Box shared;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            long deadline = System.nanoTime() + 200_000_000L; // a plain read may never see the write: spin bounded
            Box b;
            while ((b = shared) == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            System.out.println("value = " + (b == null ? "unseen" : b.value));
        });
        Thread writer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            shared = b;
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
