package io.github.go4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code go4j --version}: go4j's version (from the build) and the Java runtime it runs on. */
final class Version implements IVersionProvider {

    /** go4j's version, as Maven built it, e.g. {@code 0.1.0-SNAPSHOT}. */
    static String go4j() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "go4j " + go4j(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }
}
