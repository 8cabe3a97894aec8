package io.github.go4j.race.internal.agent;

import io.github.go4j.race.internal.engine.CodeSites;
import io.github.go4j.race.internal.engine.FastTrack;
import io.github.go4j.race.internal.instrument.RaceTransformer;
import io.github.go4j.race.internal.report.RaceReporter;
import io.github.go4j.race.internal.runtime.ExitStatus;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class}): reads the options, installs the reporter, the
 * go4j SPI listener, the exit-status hook and the class transformer, before the program's main
 * class is loaded. A bad option prints why and exits with status 2 before the program starts.
 */
public final class Agent {
    private static volatile RaceReporter reporter;
    /** The hook slot after the JDK's application hooks (1) and delete-on-exit (2); the JDK has 10. */
    private static final int SHUTDOWN_SLOT = 7;

    private Agent() {}

    /** The reporter, or null before the agent started. */
    public static RaceReporter reporter() {
        return reporter;
    }

    public static void premain(String args, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(System.getenv("GO4J_RACE"), args);
        } catch (AgentOptions.BadOption e) {
            System.err.println(e.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(2);
            return;
        }
        PrintStream out = output(options.logPath());
        RaceReporter r = new RaceReporter(out, options.haltOnError(), options.exitCode());
        FastTrack.observe(r);
        CodeSites.limitStacks(options.historySize() == 0 ? 0 : 4096 << options.historySize());
        installShutdown(inst, () -> ExitStatus.atShutdown(r, options.exitCode()));
        openConcurrent(inst);
        installGoBridge();
        inst.addTransformer(new RaceTransformer(options, inst, mainClass()), false);
        reporter = r;
    }

    private static PrintStream output(String logPath) {
        return switch (logPath) {
            case "stderr" -> System.err;
            case "stdout" -> System.out;
            default -> {
                String file = logPath + "." + ProcessHandle.current().pid();
                try {
                    yield new PrintStream(new FileOutputStream(file, true), true, StandardCharsets.UTF_8);
                } catch (FileNotFoundException e) {
                    System.err.println("go4j-race: cannot open log_path " + file + ": " + e.getMessage());
                    Runtime.getRuntime().halt(2);
                    yield System.err;
                }
            }
        };
    }

    private static void installShutdown(Instrumentation inst, Runnable hook) {
        try {
            Module base = Object.class.getModule();
            inst.redefineModule(base, Set.of(), Map.of("jdk.internal.access", Set.of(Agent.class.getModule())),
                    Map.of(), Set.of(), Map.of());
            Class<?> secrets = Class.forName("jdk.internal.access.SharedSecrets");
            Object access = secrets.getMethod("getJavaLangAccess").invoke(null);
            Class<?> accessType = Class.forName("jdk.internal.access.JavaLangAccess");
            accessType.getMethod("registerShutdownHook", int.class, boolean.class, Runnable.class)
                    .invoke(access, SHUTDOWN_SLOT, false, hook);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(hook, "go4j-race exit"));
        }
    }

    /** Opens java.util.concurrent to the agent, which reads a CyclicBarrier's action (runtime.Barriers). */
    private static void openConcurrent(Instrumentation inst) {
        try {
            inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.util.concurrent", Set.of(Agent.class.getModule())), Set.of(), Map.of());
        } catch (RuntimeException e) {
            // barriers then fall back to one clock each
        }
    }

    private static void installGoBridge() {
        try {
            Class.forName("io.github.go4j.spi.EventListeners", false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // no go4j-core on the class path: nothing to listen to
        }
        try {
            Class.forName("io.github.go4j.race.internal.spi.GoEventBridge", true, Agent.class.getClassLoader())
                    .getMethod("install").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("go4j-race: warning: cannot listen to go4j's events: " + e);
        }
    }

    /** The program's main class from the launcher's command line ({@code -jar}: the jar's Main-Class), or null. */
    static String mainClass() {
        String command = System.getProperty("sun.java.command");
        if (command == null || command.isBlank()) return null;
        String first = command.trim().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            try (JarFile jar = new JarFile(first)) {
                var manifest = jar.getManifest();
                String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                return main == null ? null : main.trim().replace('.', '/');
            } catch (java.io.IOException e) {
                return null;
            }
        }
        if (first.contains("/")) first = first.substring(first.indexOf('/') + 1); // -m module/class
        return first.replace('.', '/');
    }
}
