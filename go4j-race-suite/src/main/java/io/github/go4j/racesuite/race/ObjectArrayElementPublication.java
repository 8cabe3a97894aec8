package io.github.go4j.racesuite.race;

/** A worker stores into an element of a shared {@code String[]} that main reads before joining: the element write and read race. */
public final class ObjectArrayElementPublication {

    public static void main(String[] args) throws InterruptedException {
        String[] names = new String[2];
        names[0] = "main";
        Thread worker = Thread.startVirtualThread(() -> names[1] = "worker");
        String early = names[1];
        worker.join();
        System.out.println(names[0] + ", early " + early);
    }
}
