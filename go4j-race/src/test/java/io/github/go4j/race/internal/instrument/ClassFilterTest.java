package io.github.go4j.race.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.race.internal.engine.GoCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * go4j-core is recognised by its module or its code source, not by a list of its packages: a class in a
 * package go4j-core does not have today is excluded when it comes from go4j-core's jar or directory, and an
 * application class in an {@code io.github.go4j} package of its own code source is rewritten.
 */
class ClassFilterTest {
    private static final String NEW_CORE_CLASS = "io/github/go4j/brandnew/Thing";
    private static final String EXAMPLE = "io/github/go4j/examples/Demo";
    private final ClassFilter filter = new ClassFilter(List.of(), List.of());

    @Test
    void aNewPackageOfCoresDirectoryIsSkippedAndAnExampleOfAnotherDirectoryIsNot(@TempDir Path dir) throws IOException {
        Path core = dir.resolve("core");
        Path app = dir.resolve("app");
        write(core, Map.of("io/github/go4j/Go", goClass(), NEW_CORE_CLASS, emptyClass(NEW_CORE_CLASS)));
        write(app, Map.of(EXAMPLE, emptyClass(EXAMPLE), "com/acme/Main", emptyClass("com/acme/Main")));
        try (URLClassLoader loader = loader(core, app)) {
            assertFalse(filter.instruments(loader, NEW_CORE_CLASS));
            assertFalse(filter.instruments(null, loader, NEW_CORE_CLASS, domain(core)));
            assertTrue(filter.instruments(loader, EXAMPLE));
            assertTrue(filter.instruments(null, loader, EXAMPLE, domain(app)));
            assertTrue(filter.instruments(null, loader, "com/acme/Main", domain(app)));
            assertFalse(filter.instruments(null, loader, "io/github/go4j/race/internal/runtime/RaceHooks", domain(app)),
                    "the agent's own packages are skipped by name");
        }
    }

    @Test
    void coresJarIsRecognisedAsWellAsItsDirectory(@TempDir Path dir) throws IOException {
        Path core = jar(dir.resolve("go4j-core.jar"), Map.of("io/github/go4j/Go", goClass(), NEW_CORE_CLASS, emptyClass(NEW_CORE_CLASS)));
        Path app = jar(dir.resolve("app.jar"), Map.of(EXAMPLE, emptyClass(EXAMPLE)));
        try (URLClassLoader loader = loader(core, app)) {
            assertFalse(filter.instruments(loader, NEW_CORE_CLASS));
            assertFalse(filter.instruments(null, loader, NEW_CORE_CLASS, domain(core)));
            assertTrue(filter.instruments(loader, EXAMPLE));
            assertTrue(filter.instruments(null, loader, EXAMPLE, domain(app)));
        }
    }

    @Test
    void anApplicationShadedIntoOneJarWithCoreIsStillRewritten(@TempDir Path dir) throws IOException {
        Path all = jar(dir.resolve("app-all.jar"), Map.of("io/github/go4j/Go", goClass(), NEW_CORE_CLASS,
                emptyClass(NEW_CORE_CLASS), "com/acme/Main", emptyClass("com/acme/Main")));
        try (URLClassLoader loader = loader(all)) {
            assertTrue(filter.instruments(null, loader, "com/acme/Main", domain(all)));
            assertTrue(filter.instruments(loader, "com/acme/Main"));
            assertFalse(filter.instruments(null, loader, NEW_CORE_CLASS, domain(all)));
        }
    }

    @Test
    void withoutCoreOnTheClassPathAnIoGithubGo4jClassIsAnApplicationClass(@TempDir Path dir) throws IOException {
        Path app = dir.resolve("app");
        write(app, Map.of(NEW_CORE_CLASS, emptyClass(NEW_CORE_CLASS)));
        try (URLClassLoader loader = loader(app)) {
            assertTrue(filter.instruments(loader, NEW_CORE_CLASS));
            assertTrue(filter.instruments(null, loader, NEW_CORE_CLASS, domain(app)));
        }
    }

    @Test
    void theNamedModuleIoGithubGo4jCoreIsSkippedWhereverItComesFrom() {
        Path core = Path.of(URI.create(GoCore.root(Go.class.getResource("Go.class"), "io/github/go4j/Go.class")));
        Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(core), ModuleFinder.of(), Set.of(GoCore.MODULE));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Module module = layer.findModule(GoCore.MODULE).orElseThrow();
        assertEquals(GoCore.MODULE, module.getName());
        assertFalse(filter.instruments(module, layer.findLoader(GoCore.MODULE), NEW_CORE_CLASS, null));
    }

    private static URLClassLoader loader(Path... entries) throws IOException {
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) urls[i] = entries[i].toUri().toURL();
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader()); // the real go4j-core stays out of sight
    }

    private static ProtectionDomain domain(Path entry) throws IOException {
        return new ProtectionDomain(new CodeSource(entry.toUri().toURL(), (Certificate[]) null), null);
    }

    private static byte[] goClass() throws IOException {
        try (InputStream in = Go.class.getResourceAsStream("Go.class")) {
            return in.readAllBytes();
        }
    }

    private static byte[] emptyClass(String name) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void write(Path root, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = root.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    private static Path jar(Path jar, Map<String, byte[]> classes) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey() + ".class"));
                j.write(e.getValue());
                j.closeEntry();
            }
        }
        return jar;
    }
}
