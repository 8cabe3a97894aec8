package io.github.go4j.examples;

/**
 * One runnable program of the tour. {@code go4j demo} prints its {@link #title()} as a heading, then runs
 * it; it writes what it shows to standard output and returns when done (leaving no goroutine behind).
 */
public interface Example {
    /**
     * A short, unique, lower-case name, used to pick it: {@code go4j demo NAME}.
     *
     * @return the name
     */
    String name();

    /**
     * The heading printed before it runs.
     *
     * @return the heading
     */
    String title();

    /**
     * Runs the program to completion.
     *
     * @throws Exception if the program failed (the demo reports it)
     */
    void run() throws Exception;
}
