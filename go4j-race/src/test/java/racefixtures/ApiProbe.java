package racefixtures;

import io.github.go4j.race.RaceDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The in-process API that go4j-test's extension uses: a listener sees each report, and the count. */
public class ApiProbe {
    static int shared;

    public static void main(String[] args) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable l = RaceDetector.onRace(seen::add)) {
            Thread t = new Thread(() -> shared = 1);
            t.start();
            t.join(); // join is an edge: the next access is ordered...
            shared = 2;
            Thread u = new Thread(() -> shared = 3);
            u.start();
            Thread.sleep(10);
            int v = shared; // ...this one is not
            u.join();
        }
        System.out.println("active=" + RaceDetector.active() + " reported=" + RaceDetector.racesReported()
                + " listener=" + seen.size() + " " + (seen.isEmpty() ? "" : seen.getFirst().contains("WARNING: DATA RACE")));
    }
}
