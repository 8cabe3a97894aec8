package io.github.go4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The equivalent of {@code go test -race} for a test class or method: the test fails if the race
 * detector reported a data race while it ran. Run the tests with the agent
 * ({@code -javaagent:/path/to/go4j-race-<version>-agent.jar=exitcode=0}, e.g. in surefire's
 * {@code argLine}). Without the agent the test fails, saying how to load it, unless
 * {@code go4j.race.required} is {@code false} ({@code -Dgo4j.race.required=false}): then it runs
 * without the race check, and one warning per JVM says so on standard error.
 *
 * @see RaceDetectorExtension
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RaceDetectorExtension.class)
public @interface RaceFree {}
