package io.github.go4j.chan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.chan.ChildJvm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spin budget of an unbuffered channel, written by a waiter after every wait without the lock, sits
 * at least a cache line (64 bytes) away from the lock word, so that those writes do not take the line
 * the other side is locking. Checked on the layout the JVM really chose, with the default and with compact
 * object headers.
 */
@Timeout(120)
class ChannelLayoutTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default headers", "-XX:+UseCompactObjectHeaders"})
    void theSpinBudgetIsNotOnTheLockWordsCacheLine(String headers) throws Exception {
        List<String> options = new ArrayList<>(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"));
        if (headers.startsWith("-XX")) options.add(headers);
        ChildJvm.Result r = ChildJvm.run(options, FieldOffsets.class, 60, Channel.class.getName());
        assertTrue(r.ended(), r.output());
        assertEquals(0, r.exitCode(), r.output());
        Map<String, Long> offsets = new HashMap<>();
        for (String line : r.output().strip().split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 2 && f[1].matches("\\d+")) offsets.put(f[0], Long.parseLong(f[1]));
        }
        assertTrue(offsets.containsKey("lockWord") && offsets.containsKey("spinBudget"), r.output());
        long distance = Math.abs(offsets.get("lockWord") - offsets.get("spinBudget"));
        assertTrue(distance >= 64, "spinBudget is " + distance + " bytes from lockWord (" + headers + "):\n" + r.output());
    }
}
