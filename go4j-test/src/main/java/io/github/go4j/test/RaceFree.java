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
 * ({@code -javaagent:go4j-race/target/go4j-race-agent.jar}, e.g. in surefire's {@code argLine});
 * without it the annotation checks nothing.
 *
 * @see RaceDetectorExtension
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RaceDetectorExtension.class)
public @interface RaceFree {}
