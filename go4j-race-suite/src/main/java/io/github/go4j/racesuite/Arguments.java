package io.github.go4j.racesuite;

/** A cursor over a runner's command line: option names, the value after an option, and plain words. */
final class Arguments {

    private final String[] words;
    private int next;

    Arguments(String[] words) {
        this.words = words.clone();
    }

    boolean hasNext() {
        return next < words.length;
    }

    String next() {
        return words[next++];
    }

    /** The word after {@code option}; throws IllegalArgumentException when there is none. */
    String value(String option) {
        if (!hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return next();
    }

    /** The word after {@code option} as a positive int; throws IllegalArgumentException otherwise. */
    int positive(String option) {
        String s = value(option);
        try {
            int n = Integer.parseInt(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number, got " + s);
    }

    /** Rejects an unknown option; returns a plain word (a filter) unchanged. */
    static String plainWord(String word) {
        if (word.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + word);
        }
        return word;
    }
}
