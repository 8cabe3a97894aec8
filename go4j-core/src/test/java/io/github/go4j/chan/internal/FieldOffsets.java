package io.github.go4j.chan.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Prints "name offset" for every instance field of the class named by the argument, superclasses
 * included, as this JVM lays it out. Run by {@link ChannelLayoutTest} in a child JVM with
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (the JDK's own Unsafe, read-only use).
 */
public final class FieldOffsets {

    private FieldOffsets() {}

    public static void main(String[] args) throws Exception {
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method offset = unsafeClass.getMethod("objectFieldOffset", Field.class);
        for (Class<?> c = Class.forName(args[0]); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) System.out.println(f.getName() + " " + offset.invoke(unsafe, f));
            }
        }
    }
}
