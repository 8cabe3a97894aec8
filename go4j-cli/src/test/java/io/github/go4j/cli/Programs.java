package io.github.go4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Programs for the tests to run: where classes were loaded from, jars and modules made on the spot. */
final class Programs {
    private Programs() {}

    /** The jar or class directory {@code c} was loaded from. */
    static Path home(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar at {@code jar} holding the directory {@code classes}, with {@code mainClass} as its Main-Class (when not null). */
    static Path jar(Path jar, Path classes, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The jar {@code c} came from, or a jar made at {@code dir/name} of the directory it came from. */
    static Path asJar(Class<?> c, Path dir, String name) throws IOException {
        Path home = home(c);
        return Files.isRegularFile(home) ? home : jar(dir.resolve(name), home, null);
    }

    /** Compiles the {@code sources} (file name, then text, ...) into {@code out}; fails with javac's messages. */
    static Path compile(Path out, String... sources) throws IOException {
        Path src = Files.createTempDirectory(out.getParent(), "src");
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        for (int i = 0; i < sources.length; i += 2) {
            Path file = src.resolve(sources[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, sources[i + 1]);
            args.add(file.toString());
        }
        args.addFirst(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        Process javac = new ProcessBuilder(args).redirectErrorStream(true).start();
        String messages = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (javac.waitFor() != 0) throw new IllegalStateException("javac failed: " + messages);
        } catch (InterruptedException e) {
            javac.destroyForcibly();
            throw new IllegalStateException("interrupted while javac ran", e);
        }
        return out;
    }

    /** Ten threads that do {@code counter++} on a plain static field of {@code className} (in {@code pkg}). */
    static String racyCounter(String pkg, String className) {
        return "package " + pkg + ";\n"
                + "public class " + className + " {\n"
                + "    static int counter;\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        Thread[] ts = new Thread[10];\n"
                + "        for (int i = 0; i < ts.length; i++) ts[i] = new Thread(() -> { for (int j = 0; j < 1000; j++) counter++; });\n"
                + "        for (Thread t : ts) t.start();\n"
                + "        for (Thread t : ts) t.join();\n"
                + "        System.out.println(\"counter = \" + counter);\n"
                + "    }\n"
                + "}\n";
    }
}
