package io.github.go4j.race.internal.engine;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Which classes are go4j-core's (its primitives report their edges through the event SPI and are never
 * rewritten), decided by where a class comes from rather than by a list of package names, so that a
 * package added to go4j-core is excluded without anyone remembering to list it.
 *
 * <p>A class is go4j-core's when it is in the named module {@value #MODULE}, or when it is in a package
 * under {@code io.github.go4j} and comes from the code source (the jar or directory) that holds go4j-core's
 * {@code io/github/go4j/Go.class} as its loader sees it. The package condition keeps an application that is
 * shaded into one jar together with go4j-core checked: its own classes share the code source but not the
 * package (an {@code io.github.go4j.*} class shaded into that jar is taken for go4j-core's).
 *
 * <p>Locations are compared as the class path gives them: a jar's {@code file:} URL, or a directory's with
 * its trailing slash; a resource URL ({@code jar:file:/app/go4j-core.jar!/io/github/go4j/Go.class}) is
 * reduced to that first. Go.class's location is looked up once per loader. Thread-safe.
 *
 * <p>Used by the class filter (which classes are rewritten) and by report stacks (which frames are go4j's).
 */
public final class GoCore {
    /** go4j-core's module name. */
    public static final String MODULE = "io.github.go4j.core";
    private static final String PACKAGE = "io/github/go4j/";
    private static final String ANCHOR = PACKAGE + "Go.class";

    private final Map<ClassLoader, Optional<String>> anchors = new WeakHashMap<>();

    /**
     * Whether the class {@code internalName}, being defined by {@code loader} in {@code module} from
     * {@code domain}, is go4j-core's.
     *
     * @param module the class's module, or null
     * @param loader its defining loader, or null for the system loader
     * @param internalName its name, {@code io/github/go4j/chan/Chan}
     * @param domain its protection domain, or null
     * @return true if it is go4j-core's
     */
    public boolean contains(Module module, ClassLoader loader, String internalName, ProtectionDomain domain) {
        if (module != null && module.isNamed()) return module.getName().equals(MODULE);
        if (!internalName.startsWith(PACKAGE)) return false;
        String core = anchor(loader);
        if (core == null) return false;
        String location = location(domain);
        if (location == null) location = location(loader, internalName);
        return core.equals(location);
    }

    /**
     * Whether the class {@code internalName}, as {@code loader} would load it (a field's declaring class,
     * which may not be loaded yet), is go4j-core's.
     *
     * @param loader the loader that resolves the name, or null for the system loader
     * @param internalName the class's name
     * @return true if it is go4j-core's
     */
    public boolean contains(ClassLoader loader, String internalName) {
        if (!internalName.startsWith(PACKAGE)) return false;
        String core = anchor(loader);
        return core != null && core.equals(location(loader, internalName));
    }

    /** Where {@code loader} finds go4j-core's Go.class, or null when go4j-core is not visible from it. */
    private String anchor(ClassLoader loader) {
        synchronized (anchors) {
            Optional<String> known = anchors.get(loader);
            if (known != null) return known.orElse(null);
        }
        String location = root(resource(loader, ANCHOR), ANCHOR);
        synchronized (anchors) {
            anchors.put(loader, Optional.ofNullable(location));
        }
        return location;
    }

    private static String location(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? null : url.toExternalForm();
    }

    private static String location(ClassLoader loader, String internalName) {
        String path = internalName + ".class";
        return root(resource(loader, path), path);
    }

    private static URL resource(ClassLoader loader, String path) {
        try {
            return loader == null ? ClassLoader.getSystemResource(path) : loader.getResource(path);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the loaded class {@code c} is go4j-core's.
     *
     * @param c a class
     * @return true if it is go4j-core's
     */
    public boolean contains(Class<?> c) {
        return contains(c.getModule(), c.getClassLoader(), c.getName().replace('.', '/'), c.getProtectionDomain());
    }

    /**
     * The code source of {@code resource}, the URL of {@code path}: {@code jar:X!/path} gives X, {@code X/path} gives X/.
     *
     * @param resource a resource's URL, or null
     * @param path the resource's name, {@code io/github/go4j/Go.class}
     * @return its code source's location, or null
     */
    public static String root(URL resource, String path) {
        if (resource == null) return null;
        String s = resource.toExternalForm();
        if (s.startsWith("jar:")) {
            int bang = s.lastIndexOf("!/");
            return bang < 0 ? null : s.substring("jar:".length(), bang);
        }
        return s.endsWith(path) ? s.substring(0, s.length() - path.length()) : null;
    }
}
