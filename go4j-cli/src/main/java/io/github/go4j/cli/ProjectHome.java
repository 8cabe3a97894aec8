package io.github.go4j.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The root of the go4j checkout: {@code GO4J_HOME} (set by the {@code ./go4j} launcher), else found from
 * where the CLI's classes were loaded ({@code <root>/go4j-cli/target/go4j-cli.jar} or {@code .../classes}).
 */
final class ProjectHome {
    private ProjectHome() {}

    /** The root, if {@code GO4J_HOME} names one or the CLI runs from a checkout; a root holds {@code pom.xml}. */
    static Optional<Path> find() {
        String env = System.getenv("GO4J_HOME");
        if (env != null && !env.isBlank()) {
            Path home = Path.of(env);
            return isRoot(home) ? Optional.of(home) : Optional.empty();
        }
        return fromCodeSource();
    }

    private static Optional<Path> fromCodeSource() {
        try {
            var source = ProjectHome.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path target = Path.of(source.getLocation().toURI()).getParent(); // go4j-cli/target
            Path module = target == null ? null : target.getParent();        // go4j-cli
            Path root = module == null ? null : module.getParent();
            return root != null && isRoot(root) ? Optional.of(root) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("go4j-core"));
    }
}
