package io.github.go4j.racesuite.race;

/** Two threads register into a static counter of a nested class: the two {@code Registry.size++} race. */
public final class StaticFieldOfNestedClass {

    static final class Registry {
        static int size;

        static void register() {
            size++;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = Thread.ofVirtual().start(Registry::register);
        Thread b = Thread.ofVirtual().start(Registry::register);
        a.join();
        b.join();
        System.out.println("size = " + Registry.size);
    }
}
