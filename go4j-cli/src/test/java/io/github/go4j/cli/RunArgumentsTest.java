package io.github.go4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** go4j run's command line: what is go4j's, what goes to java untouched, and what is an error. */
@Timeout(10)
class RunArgumentsTest {

    private static RunArguments parse(String... args) {
        return RunArguments.parse(List.of(args));
    }

    /** The arguments java gets (after the java command itself and the agent, if any). */
    private static List<String> toJava(String... args) {
        return parse(args).javaArguments();
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void everythingAfterTheMainClassIsTheProgramsOwn() {
        RunArguments a = parse("-cp", "app.jar", "com.acme.Main", "--help", "--race", "-cp", "x", "-V", "--race-options", "y", "--", "");
        assertFalse(a.race());
        assertFalse(a.help());
        assertFalse(a.version());
        assertEquals(List.of("-cp", "app.jar", "com.acme.Main", "--help", "--race", "-cp", "x", "-V", "--race-options", "y", "--", ""),
                a.javaArguments());
        assertEquals(RunArguments.Program.CLASS, a.program());
    }

    @Test
    void everythingAfterTheJarIsTheProgramsOwn() {
        assertEquals(List.of("-jar", "app.jar", "--verbose", "--help", "-jar", "x"), toJava("-jar", "app.jar", "--verbose", "--help", "-jar", "x"));
        assertEquals(RunArguments.Program.JAR, parse("-jar", "app.jar").program());
    }

    @Test
    void go4jsOptionsAreItsOwnAnywhereBeforeTheProgramAndNotPassedOn() {
        RunArguments a = parse("-Dx=1", "--race", "-cp", "app.jar", "--race-options", "halt_on_error=1", "Main", "--race");
        assertTrue(a.race());
        assertEquals("halt_on_error=1", a.raceOptions());
        assertEquals(List.of("-Dx=1", "-cp", "app.jar", "Main", "--race"), a.javaArguments());
        assertEquals("exitcode=3", parse("--race", "--race-options=exitcode=3", "Main").raceOptions());
        assertNull(parse("--race", "Main").raceOptions());
    }

    @Test
    void jvmOptionsPassUntouchedInTheirOrder() {
        List<String> args = List.of("-Dgo4j.x=a b", "-Xmx64m", "-Xss2m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=2",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-reads", "a=b", "--patch-module", "m=x.jar",
                "--enable-preview", "--add-modules", "jdk.incubator.vector", "--add-modules=java.sql",
                "--enable-native-access", "ALL-UNNAMED", "--limit-modules", "java.base", "--upgrade-module-path", "up",
                "-ea", "-esa", "-da:com.acme...", "-verbose:gc", "-showversion", "-javaagent:other.jar=x",
                "--sun-misc-unsafe-memory-access=allow", "-splash:s.png", "-classpath", "lib/*", "com.acme.Main", "a");
        assertEquals(args, toJava(args.toArray(String[]::new)));
    }

    @Test
    void theSeparateValueOfAJavaOptionIsNeverTheProgram() {
        // each of these takes the next argument as its value, so the program is the one after
        for (String option : List.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
                "--add-modules", "--enable-native-access", "--limit-modules", "--add-exports", "--add-opens", "--add-reads",
                "--patch-module")) {
            RunArguments a = parse(option, "value", "--race", "Main", "--race");
            assertTrue(a.race(), option);
            assertEquals(List.of(option, "value", "Main", "--race"), a.javaArguments(), option);
            assertEquals(RunArguments.Program.CLASS, a.program(), option);
        }
    }

    @Test
    void aModuleEndsTheOptions() {
        RunArguments a = parse("--race", "-p", "mods", "-m", "app/com.acme.Main", "--race", "x");
        assertTrue(a.race());
        assertEquals(List.of("-p", "mods", "-m", "app/com.acme.Main", "--race", "x"), a.javaArguments());
        assertEquals(RunArguments.Program.MODULE, a.program());
        assertEquals(List.of("--module-path=mods", "--module", "app", "-cp", "y"), toJava("--module-path=mods", "--module", "app", "-cp", "y"));
        assertEquals(List.of("--module=app/a.Main", "--help"), toJava("--module=app/a.Main", "--help"));
        assertEquals(RunArguments.Program.MODULE, parse("--module=app").program());
    }

    @Test
    void aSourceFileIsTheProgram() {
        RunArguments a = parse("--race", "Hello.java", "--race", "a");
        assertTrue(a.race());
        assertEquals(List.of("Hello.java", "--race", "a"), a.javaArguments());
        assertEquals(RunArguments.Program.SOURCE, a.program());
        RunArguments withVersion = parse("--source", "25", "--enable-preview", "hello", "a");
        assertEquals(List.of("--source", "25", "--enable-preview", "hello", "a"), withVersion.javaArguments());
        assertEquals(RunArguments.Program.SOURCE, withVersion.program());
    }

    @Test
    void argumentFilesGoToJava() {
        assertEquals(List.of("@jvm.opts", "-cp", "x", "Main", "@args"), toJava("@jvm.opts", "-cp", "x", "Main", "@args"));
        // an @file may name the program itself: go4j cannot tell, and leaves that to java
        assertEquals(List.of("@everything"), toJava("@everything"));
    }

    @Test
    void javasOptionsThatPrintAndExitNeedNoProgram() {
        for (String option : List.of("-version", "--list-modules", "-X", "--help-extra", "-help", "-?", "--validate-modules", "--full-version")) {
            assertEquals(List.of(option), toJava(option), option);
        }
        assertEquals(List.of("-d", "java.base"), toJava("-d", "java.base"));
        assertEquals(List.of("-XshowSettings:properties", "-version"), toJava("-XshowSettings:properties", "-version"));
    }

    @Test
    void helpAndVersionAreGo4jsBeforeTheProgram() {
        assertTrue(parse("--help").help());
        assertTrue(parse("-h").help());
        assertTrue(parse("-cp", "x", "--help", "Main").help());
        assertTrue(parse("--version").version());
        assertTrue(parse("-V").version());
        assertFalse(parse("Main", "--help").help());
    }

    @Test
    void theCommandPutsTheAgentFirst() {
        Path java = Path.of("/jdk/bin/java");
        Path agent = Path.of("/go4j/lib/go4j-race-agent.jar");
        assertEquals(List.of("/jdk/bin/java", "-javaagent:/go4j/lib/go4j-race-agent.jar=halt_on_error=1", "-Dx=1", "-jar", "a.jar", "b"),
                parse("--race", "-Dx=1", "--race-options", "halt_on_error=1", "-jar", "a.jar", "b").javaCommand(java, agent));
        assertEquals(List.of("/jdk/bin/java", "-javaagent:/go4j/lib/go4j-race-agent.jar", "Main"),
                parse("--race", "Main").javaCommand(java, agent));
        assertEquals(List.of("/jdk/bin/java", "Main"), parse("Main").javaCommand(java, null));
    }

    @Test
    void withoutAProgramItSaysWhatIsMissing() {
        String expected = "missing the program to run: a main class, -jar APP.jar, -m MODULE[/MAIN] or a source file (Hello.java)";
        assertEquals(expected, error());
        assertEquals(expected, error("--race"));
        assertEquals(expected, error("-cp", "app.jar", "-Dx=1"));
        assertEquals("-jar needs the jar to run: -jar APP.jar [ARGS...]", error("-jar"));
        assertEquals("-jar needs the jar to run: -jar APP.jar [ARGS...]", error("-jar", "-Dx=1"));
    }

    @Test
    void anOptionWithoutItsValueIsAnError() {
        assertEquals("-cp needs a value", error("-cp"));
        assertEquals("--add-opens needs a value", error("--add-opens"));
        assertEquals("-m needs a value: -m MODULE[/MAIN]", error("-m"));
        assertEquals("--race-options needs a value: --race-options OPTS", error("--race", "--race-options"));
    }

    @Test
    void flagsThatWouldDoNothingAreErrors() {
        assertEquals("--race-options needs --race: the options are the race detector's", error("--race-options", "halt_on_error=1", "Main"));
        assertEquals("-cp does nothing with -jar (java takes the class path from the jar's manifest): drop it, or run the main class"
                + " with -cp APP.jar:... MAIN instead of -jar", error("-cp", "lib.jar", "-jar", "app.jar"));
        assertEquals("-cp does nothing with -jar (java takes the class path from the jar's manifest): drop it, or run the main class"
                + " with -cp APP.jar:... MAIN instead of -jar", error("-jar", "--class-path=lib.jar", "app.jar"));
        assertEquals("-jar and -m do not go together: -jar runs a jar's main class, -m a module's", error("-jar", "-m", "app"));
        assertEquals("-jar and -m do not go together: -jar runs a jar's main class, -m a module's", error("-jar", "--module=app"));
        assertEquals("--race-options is given twice: give the detector's options once, separated by commas",
                error("--race", "--race-options", "a=1", "--race-options=b=2", "Main"));
        assertEquals("--race takes no value (the detector's options go in --race-options OPTS)", error("--race=true", "Main"));
    }
}
