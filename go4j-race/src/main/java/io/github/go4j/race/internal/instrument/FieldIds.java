package io.github.go4j.race.internal.instrument;

import java.util.HashMap;
import java.util.Map;

/** A small integer per volatile field ({@code declaringClass.name}), its slot in the owner's sync clocks. */
final class FieldIds {
    private static final Map<String, Integer> IDS = new HashMap<>();

    private FieldIds() {}

    /** The id of the field; ids start at 1 (slot 0 is the object's own clock). */
    static synchronized int of(String declaringClass, String name) {
        return IDS.computeIfAbsent(declaringClass + "." + name, k -> IDS.size() + 1);
    }
}
