package io.github.go4j.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The root of a go4j checkout (the source tree), which {@code go4j test} and {@code go4j bench} work in:
 * {@code GO4J_HOME} (the checkout's {@code ./go4j} sets it), else the checkout the CLI's classes were
 * loaded from ({@code <root>/go4j-cli/target/go4j-cli.jar} or {@code .../classes}). The distribution has
 * none unless {@code GO4J_HOME} names one.
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

    /**
     * Why {@code go4j COMMAND} cannot run here, in one line: there is no checkout, and where this go4j runs from.
     *
     * @param command the command that needs a checkout, e.g. {@code test}
     * @return the message, without the {@code go4j COMMAND:} prefix
     */
    static String missing(String command) {
        String env = System.getenv("GO4J_HOME");
        String where = env != null && !env.isBlank()
                ? "GO4J_HOME=" + env + " is no go4j checkout (it has no pom.xml and go4j-core/)"
                : "this go4j runs from " + installation().map(Path::toString).orElse("somewhere else") + ", with none";
        return "needs a go4j checkout (the source tree, with Maven), and " + where
                + ". Clone go4j and run ./go4j " + command + " there, or set GO4J_HOME to a checkout.";
    }

    private static Optional<Path> fromCodeSource() {
        Path target = cliLocation().map(Path::getParent).orElse(null); // go4j-cli/target
        Path module = target == null ? null : target.getParent();      // go4j-cli
        Path root = module == null ? null : module.getParent();
        return root != null && isRoot(root) ? Optional.of(root) : Optional.empty();
    }

    /** Where this go4j is: the distribution's root when the CLI runs from its lib/, else the CLI's jar or class directory. */
    private static Optional<Path> installation() {
        return cliLocation().map(cli -> {
            Path dir = cli.getParent();
            boolean inLib = Files.isRegularFile(cli) && dir != null && dir.getFileName() != null
                    && dir.getFileName().toString().equals("lib") && dir.getParent() != null;
            return inLib ? dir.getParent() : cli;
        });
    }

    /** The jar or class directory the CLI was loaded from. */
    private static Optional<Path> cliLocation() {
        try {
            var source = ProjectHome.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("go4j-core"));
    }
}
