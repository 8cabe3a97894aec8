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

    /**
     * The bootstrap of a shadow field's compare-and-set ({@code name} is the shadow field): in the
     * class itself, so its own lookup has access. Installing a shadow by CAS means two threads whose
     * first accesses to a variable race both see the one shadow that won, so that race is not lost.
     * Should the field be unreachable, the result is a no-op returning false (the access then goes
     * unchecked).
     */
    public static CallSite shadowCas(MethodHandles.Lookup lookup, String name, MethodType type, Class<?> owner) {
        MethodHandle target;
        try {
            Class<?> shadow = type.parameterType(type.parameterCount() - 1);
            var vh = type.parameterCount() == 3 ? lookup.findVarHandle(owner, name, shadow)
                    : lookup.findStaticVarHandle(owner, name, shadow);
            target = vh.toMethodHandle(java.lang.invoke.VarHandle.AccessMode.COMPARE_AND_SET).asType(type);
        } catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
            target = MethodHandles.dropArguments(MethodHandles.constant(boolean.class, false), 0, type.parameterArray());
        }
        return new ConstantCallSite(target);
    }

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
