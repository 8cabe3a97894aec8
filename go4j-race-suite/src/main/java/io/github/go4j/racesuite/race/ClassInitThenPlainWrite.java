package io.github.go4j.racesuite.race;

/** Class initialisation orders the static initialiser only: thread 1's later write of {@code Settings.level} races with thread 2's read. */
public final class ClassInitThenPlainWrite {

    static final class Settings {
        static int level = initialLevel();

        private static int initialLevel() {
            return 3;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> Settings.level = 5);
        Thread reader = new Thread(() -> System.out.println("level = " + Settings.level));
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
