package io.github.go4j.chan;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of go4j-core's tests in a child JVM (class path: the module's classes and test
 * classes), for what one JVM cannot show about itself: a hang on one carrier, a field layout. A child
 * that does not end in time is killed, and that is a failure, not a hang of the build.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** What a child printed (stdout and stderr together) and how it exited. */
    public record Result(boolean ended, int exitCode, String output) {}

    /** Runs {@code main} with {@code jvmOptions} and {@code args}; kills it after {@code timeoutSeconds}. */
    public static Result run(List<String> jvmOptions, Class<?> main, long timeoutSeconds, String... args) throws Exception {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        if (!Files.isDirectory(classes) || !Files.isDirectory(testClasses)) {
            throw new IllegalStateException("run from go4j-core after compiling: no " + classes + " or " + testClasses);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classes + File.pathSeparator + testClasses, main.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("go4j-child", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) p.destroyForcibly().waitFor();
            return new Result(ended, ended ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
