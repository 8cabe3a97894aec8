package io.github.go4j.racesuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every ground-truth program: the top-level classes of packages {@code io.github.go4j.racesuite.race}
 * and {@code ...norace} in the directory or jar this class was loaded from (nested classes, whose names
 * hold a {@code $}, belong to their program).
 */
public final class ProgramCatalog {

    private static final List<String> PACKAGE_DIRS =
            List.of("io/github/go4j/racesuite/race/", "io/github/go4j/racesuite/norace/");

    private ProgramCatalog() {}

    /** Every program, sorted RACE first, then by name. */
    public static List<Program> all() {
        Path location = codeLocation();
        List<String> classNames = Files.isDirectory(location) ? fromDirectory(location) : fromJar(location);
        return classNames.stream()
                .map(Program::of)
                .sorted(Comparator.comparing(Program::label).thenComparing(Program::shortName))
                .toList();
    }

    private static Path codeLocation() {
        try {
            return Path.of(ProgramCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the race-suite classes", e);
        }
    }

    private static List<String> fromDirectory(Path root) {
        List<String> names = new ArrayList<>();
        for (String dir : PACKAGE_DIRS) {
            Path pkg = root.resolve(dir);
            if (!Files.isDirectory(pkg)) {
                continue;
            }
            try (Stream<Path> files = Files.list(pkg)) {
                files.map(p -> p.getFileName().toString())
                        .filter(ProgramCatalog::isProgramFile)
                        .forEach(f -> names.add(className(dir + f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static List<String> fromJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .map(JarEntry::getName)
                    .filter(n -> PACKAGE_DIRS.stream().anyMatch(dir -> n.startsWith(dir)
                            && n.indexOf('/', dir.length()) < 0
                            && isProgramFile(n.substring(dir.length()))))
                    .map(ProgramCatalog::className)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isProgramFile(String fileName) {
        return fileName.endsWith(".class") && fileName.indexOf('$') < 0 && !fileName.equals("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
