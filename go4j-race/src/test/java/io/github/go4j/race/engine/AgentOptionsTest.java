package io.github.go4j.race.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.race.internal.agent.AgentOptions;
import io.github.go4j.race.internal.instrument.ClassFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GORACE-style options and the class filter they feed. */
class AgentOptionsTest {

    @Test
    void defaultsAreGos() throws Exception {
        AgentOptions o = AgentOptions.parse(null, null);
        assertEquals(AgentOptions.defaults(), o);
        assertEquals(66, o.exitCode());
        assertEquals("stderr", o.logPath());
    }

    @Test
    void argumentWinsOverEnvironment() throws Exception {
        AgentOptions o = AgentOptions.parse("exitcode=3 history_size=2", "exitcode=9,halt_on_error=1,include=com.acme:org.x.*");
        assertEquals(9, o.exitCode());
        assertEquals(2, o.historySize());
        assertTrue(o.haltOnError());
        assertEquals(List.of("com.acme", "org.x"), o.include());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertEquals("go4j-race: exitcode=300: want an integer in [0, 255]",
                assertThrows(AgentOptions.BadOption.class, () -> AgentOptions.parse(null, "exitcode=300")).getMessage());
        assertTrue(assertThrows(AgentOptions.BadOption.class, () -> AgentOptions.parse(null, "nope=1")).getMessage()
                .contains("unknown option 'nope'"));
        assertTrue(assertThrows(AgentOptions.BadOption.class, () -> AgentOptions.parse(null, "halt_on_error")).getMessage()
                .contains("want key=value"));
        assertTrue(assertThrows(AgentOptions.BadOption.class, () -> AgentOptions.parse(null, "include=1abc")).getMessage()
                .contains("not a package name"));
    }

    @Test
    void filterSkipsTheJdkTheAgentAndGo4jCoreButNotItsExamples() {
        ClassLoader l = AgentOptionsTest.class.getClassLoader(); // go4j-core's classes are on the test class path
        ClassFilter f = new ClassFilter(List.of(), List.of("com.acme.gen"));
        assertTrue(f.instruments(l, "com/acme/Main"));
        assertTrue(f.instruments(l, "io/github/go4j/examples/PingPong"));
        assertTrue(!f.instruments(l, "java/util/HashMap"));
        assertTrue(!f.instruments(l, "io/github/go4j/Go"));
        assertTrue(!f.instruments(l, "io/github/go4j/chan/internal/Channel"));
        assertTrue(!f.instruments(l, "io/github/go4j/race/internal/runtime/RaceHooks"));
        assertTrue(!f.instruments(l, "com/acme/gen/Stub"));
        assertTrue(f.instruments(l, "com/acme/generator/Stub"));
        ClassFilter only = new ClassFilter(List.of("com.acme"), List.of());
        assertTrue(only.instruments(l, "com/acme/x/Y"));
        assertTrue(!only.instruments(l, "org/other/Z"));
    }
}
