package io.github.go4j.race.internal.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's options, GORACE-style: {@code key=value} pairs separated by commas or spaces, from the
 * {@code GO4J_RACE} environment variable and then the agent argument ({@code -javaagent:jar=opts}),
 * the latter winning.
 *
 * @param logPath {@code stderr} (default), {@code stdout}, or a file prefix: reports go to {@code <prefix>.<pid>}
 * @param exitCode the exit status when races were found and the program would have exited 0 (default 66)
 * @param haltOnError exit with {@code exitCode} right after the first report
 * @param historySize 0..7: stacks of previous accesses are kept for {@code 4096 << historySize} code sites
 *     (0 keeps none: a previous access shows its code location only)
 * @param include package prefixes (dotted) to instrument; empty means every application class
 * @param exclude package prefixes not to instrument, besides the JDK and go4j itself
 * @param verbose print each class the agent could not rewrite (otherwise one line per class anyway)
 */
public record AgentOptions(String logPath, int exitCode, boolean haltOnError, int historySize,
                           List<String> include, List<String> exclude, boolean verbose) {

    /** A bad option: the message says which and why. */
    public static final class BadOption extends Exception {
        BadOption(String message) {
            super(message);
        }
    }

    public static AgentOptions defaults() {
        return new AgentOptions("stderr", 66, false, 1, List.of(), List.of(), false);
    }

    /** Parses {@code env} then {@code args} (either may be null or empty). */
    public static AgentOptions parse(String env, String args) throws BadOption {
        Builder b = new Builder();
        b.apply(env, "GO4J_RACE");
        b.apply(args, "-javaagent option");
        return b.build();
    }

    private static final class Builder {
        String logPath = "stderr";
        int exitCode = 66;
        boolean halt;
        int history = 1;
        final List<String> include = new ArrayList<>();
        final List<String> exclude = new ArrayList<>();
        boolean verbose;

        void apply(String text, String source) throws BadOption {
            if (text == null || text.isBlank()) return;
            for (String pair : text.trim().split("[,\\s]+")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new BadOption("go4j-race: bad " + source + " '" + pair + "': want key=value");
                String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = pair.substring(eq + 1).trim();
                switch (key) {
                    case "log_path" -> {
                        if (value.isEmpty()) throw new BadOption("go4j-race: log_path is empty");
                        logPath = value;
                    }
                    case "exitcode" -> exitCode = integer(key, value, 0, 255);
                    case "halt_on_error" -> halt = bool(key, value);
                    case "history_size" -> history = integer(key, value, 0, 7);
                    case "include" -> include.addAll(packages(value));
                    case "exclude" -> exclude.addAll(packages(value));
                    case "verbose" -> verbose = bool(key, value);
                    default -> throw new BadOption("go4j-race: unknown option '" + key
                            + "' (known: log_path, exitcode, halt_on_error, history_size, include, exclude, verbose)");
                }
            }
        }

        AgentOptions build() {
            return new AgentOptions(logPath, exitCode, halt, history, List.copyOf(include), List.copyOf(exclude), verbose);
        }
    }

    private static int integer(String key, String value, int min, int max) throws BadOption {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadOption("go4j-race: " + key + "=" + value + ": want an integer in [" + min + ", " + max + "]");
    }

    private static boolean bool(String key, String value) throws BadOption {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new BadOption("go4j-race: " + key + "=" + value + ": want 0 or 1");
        };
    }

    /** Prefixes separated by {@code :} or {@code ;} or {@code +}; a trailing dot or {@code .*} is dropped. */
    private static List<String> packages(String value) throws BadOption {
        List<String> out = new ArrayList<>();
        for (String p : value.split("[:;+]")) {
            String q = p.trim();
            if (q.endsWith(".*")) q = q.substring(0, q.length() - 2);
            if (q.endsWith(".")) q = q.substring(0, q.length() - 1);
            if (q.isEmpty()) continue;
            if (!q.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
                throw new BadOption("go4j-race: '" + p + "' is not a package name");
            }
            out.add(q);
        }
        return out;
    }
}
