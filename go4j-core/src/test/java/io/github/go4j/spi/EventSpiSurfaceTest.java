package io.github.go4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.chan.Chan;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event SPI's public surface: a library can listen (register an {@link EventListener}) but cannot emit a
 * happens-before edge, which would let it hide a race from the detector. Nothing that the core module exports
 * has a public way to report {@code release}/{@code acquire}/{@code transfer} to the registered listeners.
 */
@Timeout(10)
class EventSpiSurfaceTest {

    private static final Module CORE = EventListener.class.getModule();

    @Test
    void noExportedPackageHasAPublicStaticEmitter() throws Exception {
        assertTrue(CORE.isNamed(), "the tests run on the module path");
        List<String> emitters = new ArrayList<>();
        for (String pkg : CORE.getPackages()) {
            if (!CORE.isExported(pkg)) continue;
            for (String name : classesOf(pkg)) {
                Class<?> c = Class.forName(name, false, EventSpiSurfaceTest.class.getClassLoader());
                if (!Modifier.isPublic(c.getModifiers())) continue;
                for (Method m : c.getMethods()) {
                    boolean edge = m.getName().equals("release") || m.getName().equals("acquire") || m.getName().equals("transfer");
                    if (edge && Modifier.isStatic(m.getModifiers())) emitters.add(c.getName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), emitters, "exported static emitters of happens-before edges");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.github.go4j.spi.Events"));
    }

    @Test
    void theEmittingSideLivesInAPackageTheModuleDoesNotExport() {
        String emitting = io.github.go4j.spi.internal.Events.class.getPackageName();
        assertTrue(CORE.getPackages().contains(emitting));
        assertFalse(CORE.isExported(emitting), emitting + " is exported");
        assertTrue(CORE.isExported(EventListener.class.getPackageName()));
    }

    @Test
    void aListenerRegisteredThroughThePublicApiHearsChannelsAndCanBeRemoved() throws Exception {
        AtomicInteger releases = new AtomicInteger();
        EventListener counting = new EventListener() {
            @Override
            public void release(Object sync, long slot) {
                releases.incrementAndGet();
            }
        };
        Chan<Integer> c = Chan.make(1);
        try (AutoCloseable registration = EventListeners.register(counting)) {
            c.send(1);
            c.recv();
        }
        int heard = releases.get();
        assertTrue(heard >= 2, "a buffered send and receive each release their slot; heard " + heard);
        c.send(2);
        c.recv();
        assertEquals(heard, releases.get(), "events after the registration was closed");
        assertThrows(NullPointerException.class, () -> EventListeners.register(null));
    }

    /** The classes of {@code pkg} in the core module, read from its class directory or jar. */
    private static List<String> classesOf(String pkg) throws Exception {
        List<String> names = new ArrayList<>();
        java.net.URI location = EventListener.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        java.nio.file.Path root = java.nio.file.Path.of(location);
        java.nio.file.Path dir = root.resolve(pkg.replace('.', '/'));
        if (!java.nio.file.Files.isDirectory(dir)) return names;
        try (var files = java.nio.file.Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.equals("package-info.class") && !f.equals("module-info.class"))
                    .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - ".class".length())));
        }
        return names;
    }
}
