package io.github.go4j.race.internal.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the instrumentation needs to know about other classes without loading them: their super types
 * and fields, to resolve a field instruction to its declaring class (and whether that field is
 * volatile, final, or shadowed) and to match a call's owner against the JDK types of {@code JdkCall}.
 *
 * <p>Application classes are read from their class files through the loader that defines the class
 * being rewritten ({@code getResource}, never {@code loadClass}: loading would run no code but could
 * recurse into the transformer); JDK classes are looked up by reflection through the platform loader
 * without initialising them. Results are cached per loader.
 */
final class ClassHierarchy {
    /** A class: super class, interfaces, declared fields (name → access flags). */
    record Info(String name, String superName, String[] interfaces, Map<String, Integer> fields, boolean isInterface,
                boolean jdk) {}

    /** A resolved field: where it is declared and its access flags. */
    record ResolvedField(String declaringClass, int access, boolean declaringIsJdk, boolean declaringIsInterface) {}

    private static final Object BOOT = new Object();
    private final Map<Object, Map<String, Optional<Info>>> byLoader = new WeakHashMap<>();

    private synchronized Map<String, Optional<Info>> cache(ClassLoader loader) {
        return byLoader.computeIfAbsent(loader == null ? BOOT : loader, k -> new ConcurrentHashMap<>());
    }

    /** Records the class being rewritten (its bytes are at hand). */
    void define(ClassLoader loader, ClassReader reader) {
        Info info = read(reader);
        cache(loader).put(info.name(), Optional.of(info));
    }

    Info info(ClassLoader loader, String name) {
        Map<String, Optional<Info>> c = cache(loader);
        Optional<Info> i = c.get(name);
        if (i == null) {
            i = Optional.ofNullable(load(loader, name));
            c.put(name, i);
        }
        return i.orElse(null);
    }

    private static boolean isJdkName(String name) {
        return name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/") || name.startsWith("sun/")
                || name.startsWith("com/sun/");
    }

    private static Info load(ClassLoader loader, String name) {
        if (isJdkName(name)) return reflect(name);
        ClassLoader l = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        try (InputStream in = l.getResourceAsStream(name + ".class")) {
            if (in == null) return null;
            return read(new ClassReader(in.readAllBytes()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Info reflect(String name) {
        try {
            Class<?> c = Class.forName(name.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            Map<String, Integer> fields = new HashMap<>();
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                int access = (Modifier.isStatic(m) ? Opcodes.ACC_STATIC : 0) | (Modifier.isFinal(m) ? Opcodes.ACC_FINAL : 0)
                        | (Modifier.isVolatile(m) ? Opcodes.ACC_VOLATILE : 0);
                fields.put(f.getName(), access);
            }
            Class<?>[] is = c.getInterfaces();
            String[] interfaces = new String[is.length];
            for (int i = 0; i < is.length; i++) interfaces[i] = is[i].getName().replace('.', '/');
            String sup = c.getSuperclass() == null ? null : c.getSuperclass().getName().replace('.', '/');
            return new Info(name, sup, interfaces, fields, c.isInterface(), true);
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return null;
        }
    }

    private static Info read(ClassReader reader) {
        Map<String, Integer> fields = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.put(name, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        boolean itf = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
        return new Info(reader.getClassName(), reader.getSuperName(), reader.getInterfaces(), fields, itf, false);
    }

    /** The field {@code name} as seen from {@code owner} (JVMS 5.4.3.2: the class, its interfaces, its supers), or null. */
    ResolvedField resolveField(ClassLoader loader, String owner, String name) {
        for (int depth = 0; owner != null && depth < 64; depth++) {
            Info i = info(loader, owner);
            if (i == null) return null;
            Integer access = i.fields().get(name);
            if (access != null) return new ResolvedField(owner, access, i.jdk(), i.isInterface());
            for (String itf : i.interfaces()) {
                ResolvedField f = resolveInInterface(loader, itf, name, 0);
                if (f != null) return f;
            }
            owner = i.superName();
        }
        return null;
    }

    private ResolvedField resolveInInterface(ClassLoader loader, String itf, String name, int depth) {
        Info i = info(loader, itf);
        if (i == null || depth > 32) return null;
        Integer access = i.fields().get(name);
        if (access != null) return new ResolvedField(itf, access, i.jdk(), true);
        for (String s : i.interfaces()) {
            ResolvedField f = resolveInInterface(loader, s, name, depth + 1);
            if (f != null) return f;
        }
        return null;
    }

    /** Whether {@code type} is {@code of} or a subtype of it (unknown classes: no). */
    boolean isSubtype(ClassLoader loader, String type, String of) {
        return isSubtype(loader, type, of, 0);
    }

    private boolean isSubtype(ClassLoader loader, String type, String of, int depth) {
        if (type == null || depth > 64) return false;
        if (type.equals(of)) return true;
        if (isJdkName(type)) {
            try {
                ClassLoader p = ClassLoader.getPlatformClassLoader();
                Class<?> t = Class.forName(type.replace('/', '.'), false, p);
                Class<?> o = Class.forName(of.replace('/', '.'), false, p);
                return o.isAssignableFrom(t);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        Info i = info(loader, type);
        if (i == null) return false;
        if (isSubtype(loader, i.superName(), of, depth + 1)) return true;
        for (String itf : i.interfaces()) {
            if (isSubtype(loader, itf, of, depth + 1)) return true;
        }
        return false;
    }

    /** Whether {@code type} is a JDK interface or abstract class (so a runtime check must decide). */
    boolean isJdkAbstract(String type) {
        if (!isJdkName(type)) return false;
        try {
            Class<?> t = Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return t.isInterface() || Modifier.isAbstract(t.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
