package racefixtures;

/** One small program of a fixture, run in sequence with the others in one JVM. */
interface Scenario {
    void run() throws Exception;

    /** A started platform thread running {@code r}. */
    static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }
}
