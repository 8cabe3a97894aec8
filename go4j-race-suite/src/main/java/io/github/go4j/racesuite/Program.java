package io.github.go4j.racesuite;

import java.util.Locale;
import java.util.Objects;

/**
 * One ground-truth program: a class with a {@code main} in package {@code io.github.go4j.racesuite.race}
 * or {@code io.github.go4j.racesuite.norace}; the package is its label.
 *
 * @param className the fully qualified name of the class whose {@code main} is the program
 * @param label     what the program contains
 */
public record Program(String className, Label label) {

    public Program {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(label, "label");
    }

    /** The program of class {@code className}, labelled by its package. */
    public static Program of(String className) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("not a ground-truth class: " + className);
        }
        return new Program(className, Label.ofPackage(className.substring(0, dot)));
    }

    /** {@code race.CounterIncrement}: the label's package and the simple name, as the table shows it. */
    public String shortName() {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        return pkg.substring(pkg.lastIndexOf('.') + 1) + "." + className.substring(className.lastIndexOf('.') + 1);
    }

    /**
     * Whether the program is selected by {@code filter}: the filter is a label ({@code race}, {@code norace})
     * or a case-insensitive part of the program's short name.
     */
    public boolean matches(String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        if (f.equals("race") || f.equals("norace")) {
            return label.name().toLowerCase(Locale.ROOT).equals(f);
        }
        return shortName().toLowerCase(Locale.ROOT).contains(f);
    }
}
