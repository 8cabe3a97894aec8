package io.github.go4j.racesuite.norace;

/** The static initialiser writes {@code Table.squares}; two threads read it (class initialisation happens-before every use of the class). */
public final class ClassInitPublication {

    static final class Table {
        static int[] squares = new int[8];

        static {
            for (int i = 0; i < squares.length; i++) {
                squares[i] = i * i;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> System.out.println(Table.squares[3]));
        Thread b = new Thread(() -> System.out.println(Table.squares[7]));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
