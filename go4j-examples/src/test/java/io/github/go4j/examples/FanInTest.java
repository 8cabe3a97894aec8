package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.go4j.chan.Chan;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FanInTest {
    @RepeatedTest(5)
    @Timeout(10)
    void mergesBothProducersKeepingEachOnesOrder() throws Exception {
        assertEquals("""
                merged 7 messages; each producer's in the order it sent them:
                  Ann 0, Ann 1, Ann 2
                  Joe 0, Joe 1, Joe 2, Joe 3
                both inputs closed, so the merger closed its output and the range ended
                """, Stdout.of(new FanIn()));
    }

    @Test
    @Timeout(10)
    void mergeOfAnAlreadyClosedInputPassesTheOtherThrough() {
        Chan<String> closed = Chan.make();
        closed.close();
        assertEquals(List.of("Joe 0", "Joe 1"), FanIn.merge(closed, FanIn.talk("Joe", 2)).stream().toList());
    }
}
