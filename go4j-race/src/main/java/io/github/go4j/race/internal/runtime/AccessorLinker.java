package io.github.go4j.race.internal.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap of the {@code invokedynamic} by which a class reaches another class's shadow accessor
 * ({@code $race$r$f}/{@code $race$w$f}). Linking through it rather than calling the accessor directly
 * means that when the other class was not rewritten after all (loaded by a loader the agent does not
 * see, or skipped after an error) the access is simply not tracked, instead of failing with
 * {@code NoSuchMethodError}. The call site is constant, so the JIT inlines the accessor as if called
 * directly.
 */
public final class AccessorLinker {
    private AccessorLinker() {}

    public static CallSite link(MethodHandles.Lookup lookup, String name, MethodType type, Class<?> owner) {
        MethodHandle target;
        try {
            target = lookup.findStatic(owner, name, type);
        } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
            target = MethodHandles.empty(type);
        }
        return new ConstantCallSite(target);
    }
}
