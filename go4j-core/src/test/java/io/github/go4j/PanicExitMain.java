package io.github.go4j;

/**
 * The child program of {@link GoTest}'s process tests: one goroutine panics; then, if the process is still
 * alive, it prints "still running" and exits 0. With {@code -Dgo4j.panic=exit} it must never get there.
 */
public final class PanicExitMain {
    private PanicExitMain() {}

    public static void main(String[] args) throws Exception {
        Thread t = Go.go(() -> {
            throw new IllegalStateException("boom from the child");
        });
        t.join();
        System.out.println("still running");
        System.out.flush();
        System.exit(0);
    }
}
