package io.github.go4j.race.internal.instrument;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A reproducer, with no agent, of the JVM misbehaviour behind the race agent's old monitor rewrite
 * (docs/jvm-monitorenter-unmount.md): a reference left on the operand stack across a {@code monitorenter}
 * in which a virtual thread blocks (and, since JEP 491, unmounts), and passed to a method by the very
 * next instruction, is sometimes the object's old copy when a collection moved the object meanwhile.
 *
 * <pre>
 * java -cp asm-9.9.jar:go4j-race/target/test-classes io.github.go4j.race.internal.instrument.MonitorEnterUnmount \
 *      SHAPE [SECONDS] [THREADS] [virtual|platform]
 * </pre>
 *
 * <p>A generated class has {@code static void enter(Object lock, Runnable body)}, javac's code for
 * {@code synchronized (lock) { body.run(); }} with a probe call added after the {@code monitorenter}, as
 * the agent adds {@code RaceHooks.monitorEnter}. SHAPE {@code stack} is what the agent emitted before:
 * {@code aload_0; dup; astore_2; dup; monitorenter; invokestatic entered(Object)} (the copy stays on the
 * operand stack); {@code local} is what it emits now: {@code aload_0; dup; astore_2; dup; astore_3;
 * monitorenter; aload_3; invokestatic entered(Object)}; {@code stack-nop} is {@code stack} with a
 * {@code nop} between the {@code monitorenter} and the call (a clue for the JVM's engineers: on JDK 25.0.3
 * it does not misbehave). {@code entered} compares the reference it gets with the lock, which the caller
 * keeps in a thread-local (on the heap, where a collection updates it).
 *
 * <p>THREADS virtual threads (default 500; platform threads if asked) take turns at 4 monitors, 20 times
 * each per round, while the bodies allocate (every collection then happens while some threads wait,
 * unmounted, to enter); every round has 4 new monitors (young objects, which a young collection moves),
 * for SECONDS (default 5). Prints {@code shape S: N entries, M saw another object than the lock, C
 * collections} and exits 0 when M is 0, 1 otherwise; a JVM that crashes exits with its own status (134
 * after SIGSEGV, with an hs_err file).
 */
public final class MonitorEnterUnmount {
    private static final ThreadLocal<Object> EXPECTED = new ThreadLocal<>();
    private static final AtomicLong ENTRIES = new AtomicLong();
    private static final AtomicLong STALE = new AtomicLong();

    private MonitorEnterUnmount() {}

    public static void main(String[] args) throws Throwable {
        Shape shape = args.length == 0 ? null : Shape.named(args[0]);
        if (shape == null) {
            System.err.println("usage: MonitorEnterUnmount stack|stack-nop|local [seconds] [threads] [virtual|platform]");
            System.exit(2);
        }
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        boolean platform = args.length > 3 && args[3].equals("platform");
        long collectionsBefore = collections();
        run(shape, (long) (seconds * 1e9), threads, platform ? Thread.ofPlatform() : Thread.ofVirtual());
        System.out.println("shape " + args[0] + (platform ? " (platform threads)" : "") + ": " + ENTRIES.get()
                + " entries, " + STALE.get() + " saw another object than the lock, " + (collections() - collectionsBefore)
                + " collections (" + System.getProperty("java.vm.name") + " " + Runtime.version() + ")");
        System.exit(STALE.get() == 0 ? 0 : 1);
    }

    /** The probe after the {@code monitorenter}: is the reference it was given the lock? */
    static void entered(Object seen) {
        ENTRIES.incrementAndGet();
        if (seen != EXPECTED.get()) STALE.incrementAndGet();
    }

    private static void run(Shape shape, long nanos, int threads, Thread.Builder builder) throws Throwable {
        MethodHandle enter = enterMethod(shape);
        Runnable body = MonitorEnterUnmount::allocate;
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() < deadline) {
            Object[] locks = {new Object(), new Object(), new Object(), new Object()};
            List<Thread> started = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                started.add(builder.start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 20; i++) {
                        Object lock = locks[random.nextInt(locks.length)];
                        EXPECTED.set(lock);
                        try {
                            enter.invokeExact(lock, body);
                        } catch (Throwable e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            for (Thread t : started) t.join();
        }
    }

    /** The body run under the lock: garbage, so that collections happen while threads wait to enter. */
    private static void allocate() {
        Object[] garbage = new Object[32];
        for (int i = 0; i < garbage.length; i++) garbage[i] = new byte[128];
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    /** Where the probe's copy of the lock waits while the {@code monitorenter} runs. */
    enum Shape {
        /** On the operand stack, the probe call next: the agent's old code. */
        STACK,
        /** On the operand stack, a {@code nop} before the probe call. */
        STACK_NOP,
        /** In a local: the agent's code now. */
        LOCAL;

        /** The shape called {@code name} on the command line ({@code stack-nop}), or null. */
        static Shape named(String name) {
            for (Shape s : values()) {
                if (s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(name)) return s;
            }
            return null;
        }
    }

    /** {@code static void enter(Object lock, Runnable body)} of a class generated in the chosen shape. */
    static MethodHandle enterMethod(Shape shape) throws ReflectiveOperationException {
        Class<?> shapes = MethodHandles.lookup().defineHiddenClass(generate(shape), true).lookupClass();
        return MethodHandles.lookup().in(shapes).findStatic(shapes, "enter",
                MethodType.methodType(void.class, Object.class, Runnable.class));
    }

    /**
     * javac's {@code static void enter(Object lock, Runnable body) { synchronized (lock) { body.run(); } }},
     * with {@code entered(lock)} called right after the {@code monitorenter} in the chosen shape.
     */
    static byte[] generate(Shape shape) {
        String self = MonitorEnterUnmount.class.getName().replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V21, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, self + "$Shapes", null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "enter", "(Ljava/lang/Object;Ljava/lang/Runnable;)V", null, null);
        m.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label handlerEnd = new Label();
        Label done = new Label();
        m.visitTryCatchBlock(start, end, handler, null);
        m.visitTryCatchBlock(handler, handlerEnd, handler, null);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.DUP);
        m.visitVarInsn(Opcodes.ASTORE, 2);          // javac: the lock for the monitorexits
        m.visitInsn(Opcodes.DUP);                   // the probe's copy
        if (shape != Shape.LOCAL) {
            m.visitInsn(Opcodes.MONITORENTER);      // the copy stays on the operand stack across the monitorenter
            if (shape == Shape.STACK_NOP) m.visitInsn(Opcodes.NOP);
        } else {
            m.visitVarInsn(Opcodes.ASTORE, 3);      // the copy waits in a local
            m.visitInsn(Opcodes.MONITORENTER);
            m.visitVarInsn(Opcodes.ALOAD, 3);
        }
        m.visitMethodInsn(Opcodes.INVOKESTATIC, self, "entered", "(Ljava/lang/Object;)V", false);
        m.visitLabel(start);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/lang/Runnable", "run", "()V", true);
        m.visitVarInsn(Opcodes.ALOAD, 2);
        m.visitInsn(Opcodes.MONITOREXIT);
        m.visitLabel(end);
        m.visitJumpInsn(Opcodes.GOTO, done);
        m.visitLabel(handler);
        m.visitVarInsn(Opcodes.ASTORE, 3);
        m.visitVarInsn(Opcodes.ALOAD, 2);
        m.visitInsn(Opcodes.MONITOREXIT);
        m.visitLabel(handlerEnd);
        m.visitVarInsn(Opcodes.ALOAD, 3);
        m.visitInsn(Opcodes.ATHROW);
        m.visitLabel(done);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
