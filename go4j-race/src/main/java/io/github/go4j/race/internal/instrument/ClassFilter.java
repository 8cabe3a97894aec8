package io.github.go4j.race.internal.instrument;

import io.github.go4j.race.internal.engine.GoCore;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Which classes are application classes the agent rewrites: not the JDK, not the agent, not the test
 * runners (by package name), not go4j-core (by module or code source, {@link GoCore}: its primitives
 * report through the event SPI); then the {@code include} and {@code exclude} options.
 */
public final class ClassFilter {
    private static final List<String> NEVER = List.of(
            "java/", "javax/", "jdk/", "sun/", "com/sun/", "org/ietf/jgss/", "org/w3c/dom/", "org/xml/sax/",
            "io/github/go4j/race/", "io/github/go4j/test/",
            "org/junit/", "org/opentest4j/", "org/apiguardian/", "org/apache/maven/", "junit/", "picocli/");

    private final List<String> include;
    private final List<String> exclude;
    private final GoCore core = new GoCore();

    /**
     * A filter with the agent's options.
     *
     * @param include dotted package prefixes to rewrite (empty: every application class)
     * @param exclude dotted package prefixes not to rewrite
     */
    public ClassFilter(List<String> include, List<String> exclude) {
        this.include = include.stream().map(p -> p.replace('.', '/')).toList();
        this.exclude = exclude.stream().map(p -> p.replace('.', '/')).toList();
    }

    /**
     * Whether the class being defined is rewritten.
     *
     * @param module the class's module, or null
     * @param loader its defining loader, or null
     * @param internalName its name, {@code com/acme/Counter}
     * @param domain its protection domain (the code source), or null
     * @return true to rewrite it
     */
    public boolean instruments(Module module, ClassLoader loader, String internalName, ProtectionDomain domain) {
        return byName(internalName) && !core.contains(module, loader, internalName, domain);
    }

    /**
     * Whether the class {@code internalName}, as {@code loader} would define it, is rewritten (the
     * declaring class of a field an application class accesses: it has the field's shadow only if so).
     *
     * @param loader the loader that resolves the name, or null for the system loader
     * @param internalName the class's name, {@code com/acme/Counter}
     * @return true if it is, or would be, rewritten
     */
    public boolean instruments(ClassLoader loader, String internalName) {
        return byName(internalName) && !core.contains(loader, internalName);
    }

    private boolean byName(String internalName) {
        for (String p : NEVER) {
            if (internalName.startsWith(p)) return false;
        }
        if (!include.isEmpty() && include.stream().noneMatch(p -> inPackage(internalName, p))) return false;
        return exclude.stream().noneMatch(p -> inPackage(internalName, p));
    }

    private static boolean inPackage(String name, String prefix) {
        return name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '/'
                || name.charAt(prefix.length()) == '$');
    }
}
