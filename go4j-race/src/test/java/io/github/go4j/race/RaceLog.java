package io.github.go4j.race;

import io.github.go4j.race.internal.engine.FastTrack;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records, for each test, every race the engine reports, as {@code "W10-R11"} (the previous access's kind
 * and site, then the current one's). Register with {@code @RegisterExtension}; the observer is removed
 * after each test.
 */
public final class RaceLog implements BeforeEachCallback, AfterEachCallback {

    /** The races reported during the current test, in order. */
    public final List<String> races = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        races.clear();
        FastTrack.observe((t, site, write, prevStamp, prevSite, prevWrite, array, index) ->
                races.add((prevWrite ? "W" : "R") + prevSite + "-" + (write ? "W" : "R") + site));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FastTrack.observe((t, site, write, prevStamp, prevSite, prevWrite, array, index) -> { });
    }
}
