package io.github.go4j.cli;

import io.github.go4j.examples.Example;
import io.github.go4j.examples.Examples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code go4j demo [NAME...]}: the tour. Runs every example of {@link Examples#all()} and then the race
 * detector's step ({@link RaceDemo}: child JVMs under the agent), or the named ones in the order named, on
 * standard output, each under its title; exits 1 if any failed or overran its time.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Runs the tour of examples, each under its title.",
            "Runs every example (or the ones named, in that order); exits 1 if one fails or does not finish"
                    + " within the time limit."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "the examples to run, in this order (default: all of them; see --list)")
    private List<String> names = new ArrayList<>();

    @Option(names = {"-l", "--list"}, description = "list the examples' names and titles, and run none")
    private boolean list;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "time limit for each example (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    private final Supplier<List<Example>> catalogue;

    DemoCommand() {
        this(DemoCommand::tour);
    }

    /** The whole tour: every example of {@link Examples#all()}, then the race detector's step. */
    static List<Example> tour() {
        List<Example> all = new ArrayList<>(Examples.all());
        all.add(new RaceDemo());
        return all;
    }

    /** A demo over {@code catalogue} instead of {@link Examples#all()}. */
    DemoCommand(Supplier<List<Example>> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Example> byName = new LinkedHashMap<>();
        for (Example e : catalogue.get()) byName.put(e.name(), e);
        if (list) {
            int width = byName.keySet().stream().mapToInt(String::length).max().orElse(0);
            byName.values().forEach(e -> System.out.printf("%-" + width + "s  %s%n", e.name(), e.title()));
            return 0;
        }
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        List<Example> chosen = choose(byName);
        if (chosen.isEmpty()) {
            System.err.println("go4j demo: there are no examples to run yet.");
            return 0;
        }
        List<Tour.Failure> failures = new Tour(Duration.ofSeconds(timeoutSeconds), System.out, System.err).run(chosen);
        return failures.isEmpty() ? 0 : 1;
    }

    private List<Example> choose(Map<String, Example> byName) {
        if (names.isEmpty()) return List.copyOf(byName.values());
        List<String> unknown = names.stream().filter(n -> !byName.containsKey(n)).distinct().toList();
        if (!unknown.isEmpty()) {
            String which = unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
            throw new ParameterException(spec.commandLine(),
                    (unknown.size() == 1 ? "unknown example " : "unknown examples ") + which
                            + ". The examples are: " + String.join(", ", byName.keySet()));
        }
        return names.stream().map(byName::get).toList();
    }
}
