package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class ErrGroupExampleTest {
    @RepeatedTest(3)
    @Timeout(10)
    void theFirstErrorCancelsTheRest() throws Exception {
        assertEquals("""
                await() returned the first error: item 3: corrupt record
                subtasks cancelled by it: 4
                context: context canceled, cause: item 3: corrupt record
                """, Stdout.of(new ErrGroupExample()));
    }
}
