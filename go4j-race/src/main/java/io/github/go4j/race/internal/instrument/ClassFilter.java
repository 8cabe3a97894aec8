package io.github.go4j.race.internal.instrument;

import java.util.List;

/**
 * Which classes are application classes the agent rewrites: not the JDK, not the agent, not go4j-core
 * (its primitives report through the event SPI), not the test runners; then the {@code include} and
 * {@code exclude} options.
 */
public final class ClassFilter {
    private static final List<String> NEVER = List.of(
            "java/", "javax/", "jdk/", "sun/", "com/sun/", "org/ietf/jgss/", "org/w3c/dom/", "org/xml/sax/",
            "io/github/go4j/race/", "io/github/go4j/test/", "io/github/go4j/chan/", "io/github/go4j/time/",
            "io/github/go4j/context/", "io/github/go4j/sync/", "io/github/go4j/rate/", "io/github/go4j/pattern/",
            "io/github/go4j/lockfree/", "io/github/go4j/spi/", "io/github/go4j/internal/",
            "org/junit/", "org/opentest4j/", "org/apiguardian/", "org/apache/maven/", "junit/", "picocli/");

    private final List<String> include;
    private final List<String> exclude;

    /** {@code include}/{@code exclude}: dotted package prefixes. */
    public ClassFilter(List<String> include, List<String> exclude) {
        this.include = include.stream().map(p -> p.replace('.', '/')).toList();
        this.exclude = exclude.stream().map(p -> p.replace('.', '/')).toList();
    }

    /** Whether the class {@code internalName} is rewritten. */
    public boolean instruments(String internalName) {
        for (String p : NEVER) {
            if (internalName.startsWith(p)) return false;
        }
        // go4j-core's top-level package (Go, PanicHandler), but not its sibling modules' packages
        if (internalName.startsWith("io/github/go4j/") && internalName.indexOf('/', "io/github/go4j/".length()) < 0) {
            return false;
        }
        if (!include.isEmpty() && include.stream().noneMatch(p -> inPackage(internalName, p))) return false;
        return exclude.stream().noneMatch(p -> inPackage(internalName, p));
    }

    private static boolean inPackage(String name, String prefix) {
        return name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '/'
                || name.charAt(prefix.length()) == '$');
    }
}
