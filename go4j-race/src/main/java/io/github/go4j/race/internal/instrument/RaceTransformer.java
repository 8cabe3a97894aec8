package io.github.go4j.race.internal.instrument;

import io.github.go4j.race.internal.agent.AgentOptions;
import io.github.go4j.race.internal.runtime.RaceHooks;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The agent's class-file transformer: rewrites each application class as it is loaded, and leaves
 * every other class (and every class it fails on, with a one-line warning) exactly as it was.
 *
 * <p>A class is rewritten only if its loader sees the agent's own runtime classes (the agent jar is on
 * the system class path; a loader that does not delegate to it would fail to link the hooks); a class
 * in a named module is given read access to the agent's module first.
 */
public final class RaceTransformer implements ClassFileTransformer {
    private final ClassFilter filter;
    private final ClassHierarchy hierarchy = new ClassHierarchy();
    private final Instrumentation inst;
    private final String mainClass;
    private final boolean verbose;
    private final Map<ClassLoader, Boolean> loaders = new WeakHashMap<>();
    private final Set<Module> modulesRead = java.util.Collections.newSetFromMap(new WeakHashMap<>());

    public RaceTransformer(AgentOptions options, Instrumentation inst, String mainClass) {
        this.filter = new ClassFilter(options.include(), options.exclude());
        this.inst = inst;
        this.mainClass = mainClass;
        this.verbose = options.verbose();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (className == null || redefined != null || loader == null || !filter.instruments(module, loader, className, domain)) {
            return null;
        }
        try {
            if (!seesAgent(loader)) return null;
            byte[] out = new ClassInstrumenter(hierarchy, filter, loader, mainClass, this::warn).instrument(bytes);
            if (out != null && module != null && module.isNamed()) readAgent(module);
            if (out != null && verbose) System.err.println("go4j-race: instrumented " + className.replace('/', '.'));
            return out;
        } catch (Throwable e) {
            warn("go4j-race: warning: cannot instrument " + className.replace('/', '.') + " (" + e + "); its accesses are not checked");
            return null;
        }
    }

    private boolean seesAgent(ClassLoader loader) {
        synchronized (loaders) {
            Boolean known = loaders.get(loader);
            if (known != null) return known;
        }
        boolean sees;
        try {
            sees = Class.forName(RaceHooks.class.getName(), false, loader) == RaceHooks.class;
        } catch (ClassNotFoundException | LinkageError e) {
            sees = false;
        }
        synchronized (loaders) {
            loaders.put(loader, sees);
        }
        return sees;
    }

    private void readAgent(Module module) {
        Module agent = RaceHooks.class.getModule();
        synchronized (modulesRead) {
            if (!modulesRead.add(module) || module.canRead(agent)) return;
        }
        inst.redefineModule(module, Set.of(agent), Map.of(), Map.of(), Set.of(), Map.of());
    }

    private void warn(String message) {
        System.err.println(message);
    }
}
