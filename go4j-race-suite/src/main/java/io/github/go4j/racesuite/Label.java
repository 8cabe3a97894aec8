package io.github.go4j.racesuite;

/** What a ground-truth program is known to contain: the name of the package it lives in. */
public enum Label {
    /** Two conflicting accesses with no happens-before between them, performed on every run. */
    RACE,
    /** Every pair of conflicting accesses is ordered by happens-before, on every run. */
    NORACE;

    /** The label of a program in package {@code io.github.go4j.racesuite.race} or {@code ...norace}. */
    static Label ofPackage(String packageName) {
        String last = packageName.substring(packageName.lastIndexOf('.') + 1);
        return switch (last) {
            case "race" -> RACE;
            case "norace" -> NORACE;
            default -> throw new IllegalArgumentException("not a ground-truth package: " + packageName);
        };
    }
}
