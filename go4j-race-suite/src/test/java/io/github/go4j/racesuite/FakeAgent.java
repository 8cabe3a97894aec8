package io.github.go4j.racesuite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A stand-in for the race agent that keeps its exit-status contract without detecting anything: with
 * option {@code all} every program exits 66, with {@code race} only programs of the {@code race} package
 * do, with {@code none} none does. It lets the runner's classification be tested before the detector exists.
 */
public final class FakeAgent {

    private FakeAgent() {}

    public static void premain(String options) {
        String command = System.getProperty("sun.java.command", "");
        boolean report = switch (options == null ? "" : options) {
            case "all" -> true;
            case "race" -> command.contains(".racesuite.race.");
            default -> false;
        };
        if (report) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(Verdict.RACE_EXIT_STATUS)));
        }
    }

    /** Writes an agent jar holding this class into {@code dir} and returns its path. */
    static Path jar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), FakeAgent.class.getName());
        Path jar = dir.resolve("fake-agent.jar");
        String entry = FakeAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = FakeAgent.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
