package io.github.go4j.cli;

import java.util.Set;

/**
 * What {@code go4j run} must know of java's own command line (JDK 25: {@code java --help},
 * {@code java --help-extra}, and the launcher's argument parser) to find where the program starts: which
 * options take their value as the next argument, which name the program, and which print something and
 * exit, so that no program is needed. Every other option starting with {@code -} stands alone
 * ({@code -Dk=v}, {@code -Xmx1g}, {@code -XX:...}, {@code --enable-preview}, {@code --name=value}); the
 * first argument that does not start with {@code -} and is no option's value is the program.
 */
final class JavaLauncherOptions {
    private JavaLauncherOptions() {}

    /** The class path options: they take the next argument (or {@code --class-path=CP}). */
    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");

    /** Options whose value is the next argument (the launcher's "white-space options"), besides the class path and -m. */
    private static final Set<String> WITH_VALUE = Set.of(
            "-p", "--module-path", "--upgrade-module-path", "--add-modules", "--enable-native-access", "--limit-modules",
            "--add-exports", "--add-opens", "--add-reads", "--patch-module", "-d", "--describe-module", "--source");

    /** Options that print something and exit, or validate and exit: java needs no program with them (java's --help and --version are go4j's here). */
    private static final Set<String> PRINT_AND_EXIT = Set.of(
            "-version", "-help", "-?", "-X", "--help-extra", "--list-modules", "-d", "--describe-module",
            "--validate-modules", "-fullversion", "--full-version", "-Xshare:dump");

    /** True when {@code option} takes the next argument as its value. */
    static boolean takesValue(String option) {
        return CLASS_PATH.contains(option) || WITH_VALUE.contains(option) || isModule(option);
    }

    /** True for {@code -cp}, {@code -classpath}, {@code --class-path} and {@code --class-path=CP}. */
    static boolean isClassPath(String option) {
        return CLASS_PATH.contains(option) || option.startsWith("--class-path=");
    }

    /** True for {@code -m} and {@code --module} (whose value follows), which name the program: a module's main class. */
    static boolean isModule(String option) {
        return option.equals("-m") || option.equals("--module");
    }

    /** True for {@code --module=MODULE[/MAIN]}. */
    static boolean isModuleWithValue(String option) {
        return option.startsWith("--module=");
    }

    /** True for {@code --source VERSION} and {@code --source=VERSION}: the program is a source file, whatever its name. */
    static boolean isSource(String option) {
        return option.equals("--source") || option.startsWith("--source=");
    }

    /** True when java, given {@code option}, needs no program (it prints or checks something and exits). */
    static boolean needsNoProgram(String option) {
        return PRINT_AND_EXIT.contains(option) || option.startsWith("--describe-module=");
    }
}
