package io.github.go4j.race.internal.instrument;

import io.github.go4j.race.internal.engine.CodeSites;
import io.github.go4j.race.internal.runtime.CallKind;
import io.github.go4j.race.internal.runtime.JdkCall;
import io.github.go4j.race.internal.runtime.ThrowingCalls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites one application class so that the detector sees its accesses and synchronisation.
 *
 * <p>Implementation note. Per tracked field {@code f} (not final, not volatile; classes only) the
 * class gets a synthetic {@code transient VarState $race$f} and two accessors {@code $race$r$f} /
 * {@code $race$w$f} that create the shadow on first use (by compare-and-set, so that racing first
 * accesses share it) and call the engine; an access runs the
 * accessor just before the instruction (the class's own fields by {@code invokestatic}, other classes'
 * through {@link io.github.go4j.race.internal.runtime.AccessorLinker}). Volatile accesses become an
 * acquire after the read and a release before the write. Array element accesses, monitors and the
 * listed JDK calls ({@link JdkCall}) call {@code RaceHooks} (those whose edge also holds when they
 * throw, a failed task's {@code get} and an interrupted {@code Condition.await}, are made through a
 * wrapper in {@link ThrowingCalls}). Inserted code never branches and keeps
 * the operand stack and the existing locals as they were, so the class's stack map frames stay valid;
 * values it must move aside go to fresh locals above {@code maxLocals}, used only within the inserted
 * straight-line sequence. A method with tracked field or array accesses stores the thread's clock, once,
 * in the local {@code maxLocals} at its entry (before everything else, so it is set wherever the method
 * may be) and passes it to the accessors, the array hooks and the JDK-call hooks; its frames are then rewritten as full frames that list that local.
 * The read of a compound assignment to an array element ({@code a[i] += x}) is not hooked: its write
 * is (see {@link ArrayUpdates}).
 * Method-wide hooks (synchronized methods, {@code <clinit>}, the main method)
 * add one catch-all handler after the last instruction with its own full frame. Field instructions
 * before the {@code super(...)} call of a constructor are left alone ({@code this} is uninitialised).
 * A method that becomes too large is left as it was, with a warning.
 */
final class ClassInstrumenter {
    static final String HOOKS = "io/github/go4j/race/internal/runtime/RaceHooks";
    private static final String VAR_STATE = "io/github/go4j/race/internal/engine/VarState";
    private static final String VAR_DESC = "L" + VAR_STATE + ";";
    private static final String THROWING_CALLS = "io/github/go4j/race/internal/runtime/ThrowingCalls";
    private static final String CLOCK_TYPE = "io/github/go4j/race/internal/engine/ThreadClock";
    private static final String CLOCK_DESC = "L" + CLOCK_TYPE + ";";
    private static final String ARRAY_HOOK_DESC = "(Ljava/lang/Object;II" + CLOCK_DESC + ")V";
    private static final String PREFIX = "$race$";
    private static final Handle LINKER = new Handle(Opcodes.H_INVOKESTATIC, "io/github/go4j/race/internal/runtime/AccessorLinker",
            "link", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;)"
            + "Ljava/lang/invoke/CallSite;", false);
    private static final Handle SHADOW_CAS = new Handle(Opcodes.H_INVOKESTATIC, "io/github/go4j/race/internal/runtime/AccessorLinker",
            "shadowCas", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;)"
            + "Ljava/lang/invoke/CallSite;", false);
    private static final Set<String> WRAPPABLE = Set.of("java/lang/Runnable", "java/util/concurrent/Callable",
            "java/util/function/Supplier", "java/util/function/Function", "java/util/function/BiFunction",
            "java/util/function/Consumer", "java/util/function/BiConsumer");
    private static final Set<String> INTERRUPT_CATCHERS = Set.of("java/lang/InterruptedException",
            "java/lang/Exception", "java/lang/Throwable");
    private static final Set<String> FORK_JOIN = Set.of("java/util/concurrent/RecursiveTask",
            "java/util/concurrent/RecursiveAction", "java/util/concurrent/CountedCompleter");

    private final ClassHierarchy hierarchy;
    private final ClassFilter filter;
    private final ClassLoader loader;
    private final String mainClass;
    private final Consumer<String> warn;

    private ClassNode cn;
    private boolean frames;
    private boolean indy;

    ClassInstrumenter(ClassHierarchy hierarchy, ClassFilter filter, ClassLoader loader, String mainClass, Consumer<String> warn) {
        this.hierarchy = hierarchy;
        this.filter = filter;
        this.loader = loader;
        this.mainClass = mainClass;
        this.warn = warn;
    }

    /** The rewritten class, or null to keep it as it is. */
    byte[] instrument(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        hierarchy.define(loader, reader);
        Set<String> skip = new HashSet<>();
        for (int attempt = 0; attempt < 16; attempt++) {
            cn = new ClassNode();
            reader.accept(cn, 0);
            if ((cn.access & Opcodes.ACC_MODULE) != 0) return null;
            int version = cn.version & 0xFFFF;
            frames = version >= Opcodes.V1_6;
            indy = version >= Opcodes.V1_7;
            transform(skip);
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            try {
                cn.accept(writer);
                return writer.toByteArray();
            } catch (MethodTooLargeException e) {
                skip.add(e.getMethodName() + e.getDescriptor());
                warn.accept("go4j-race: warning: " + e.getClassName().replace('/', '.') + "." + e.getMethodName()
                        + " is too large to instrument; its accesses are not checked");
            }
        }
        return null;
    }

    private void transform(Set<String> skip) {
        boolean isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        List<FieldNode> shadowed = new ArrayList<>();
        if (!isInterface) {
            for (FieldNode f : cn.fields) {
                if ((f.access & (Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE)) == 0) shadowed.add(f);
            }
        }
        for (MethodNode mn : new ArrayList<>(cn.methods)) {
            if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || mn.instructions.size() == 0) continue;
            if (skip.contains(mn.name + mn.desc)) continue;
            new MethodRewrite(mn).run();
        }
        for (FieldNode f : shadowed) addShadow(f);
    }

    // ---- shadow fields and accessors ----

    private void addShadow(FieldNode f) {
        boolean isStatic = (f.access & Opcodes.ACC_STATIC) != 0;
        int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC | (isStatic ? Opcodes.ACC_STATIC : 0);
        String shadow = PREFIX + f.name;
        cn.fields.add(new FieldNode(access, shadow, VAR_DESC, null, null));
        cn.methods.add(accessor(f.name, shadow, isStatic, "read"));
        cn.methods.add(accessor(f.name, shadow, isStatic, "write"));
    }

    private MethodNode accessor(String field, String shadow, boolean isStatic, String hook) {
        String name = PREFIX + (hook.equals("read") ? "r$" : "w$") + field;
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name,
                accessorDesc(isStatic), null, null);
        InsnList c = m.instructions;
        LabelNode have = new LabelNode();
        int siteLocal = isStatic ? 0 : 1;
        int clockParam = siteLocal + 1;
        if (isStatic) {
            c.add(new FieldInsnNode(Opcodes.GETSTATIC, cn.name, shadow, VAR_DESC));
            c.add(new InsnNode(Opcodes.DUP));
            c.add(new JumpInsnNode(Opcodes.IFNONNULL, have));
            c.add(new InsnNode(Opcodes.POP));
            if (indy) {
                c.add(new InsnNode(Opcodes.ACONST_NULL));
                c.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "newVar", "()" + VAR_DESC, false));
                c.add(new InvokeDynamicInsnNode(shadow, "(" + VAR_DESC + VAR_DESC + ")Z", SHADOW_CAS, Type.getObjectType(cn.name)));
                c.add(new InsnNode(Opcodes.POP));
                c.add(new FieldInsnNode(Opcodes.GETSTATIC, cn.name, shadow, VAR_DESC));
            } else {
                c.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "newVar", "()" + VAR_DESC, false));
                c.add(new InsnNode(Opcodes.DUP));
                c.add(new FieldInsnNode(Opcodes.PUTSTATIC, cn.name, shadow, VAR_DESC));
            }
        } else {
            LabelNode nonNull = new LabelNode();
            c.add(new VarInsnNode(Opcodes.ALOAD, 0));
            c.add(new JumpInsnNode(Opcodes.IFNONNULL, nonNull));
            c.add(new InsnNode(Opcodes.RETURN));
            c.add(nonNull);
            if (frames) c.add(new FrameNode(Opcodes.F_SAME, 0, null, 0, null));
            c.add(new VarInsnNode(Opcodes.ALOAD, 0));
            c.add(new TypeInsnNode(Opcodes.CHECKCAST, cn.name));
            c.add(new FieldInsnNode(Opcodes.GETFIELD, cn.name, shadow, VAR_DESC));
            c.add(new InsnNode(Opcodes.DUP));
            c.add(new JumpInsnNode(Opcodes.IFNONNULL, have));
            c.add(new InsnNode(Opcodes.POP));
            c.add(new VarInsnNode(Opcodes.ALOAD, 0));
            c.add(new TypeInsnNode(Opcodes.CHECKCAST, cn.name));
            if (indy) {
                String owner = "L" + cn.name + ";";
                c.add(new InsnNode(Opcodes.DUP));
                c.add(new InsnNode(Opcodes.ACONST_NULL));
                c.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "newVar", "()" + VAR_DESC, false));
                c.add(new InvokeDynamicInsnNode(shadow, "(" + owner + VAR_DESC + VAR_DESC + ")Z", SHADOW_CAS, Type.getObjectType(cn.name)));
                c.add(new InsnNode(Opcodes.POP));
                c.add(new FieldInsnNode(Opcodes.GETFIELD, cn.name, shadow, VAR_DESC));
            } else {
                c.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "newVar", "()" + VAR_DESC, false));
                c.add(new InsnNode(Opcodes.DUP_X1));
                c.add(new FieldInsnNode(Opcodes.PUTFIELD, cn.name, shadow, VAR_DESC));
            }
        }
        c.add(have);
        if (frames) c.add(new FrameNode(Opcodes.F_SAME1, 0, null, 1, new Object[] {VAR_STATE}));
        // stack: the shadow (null only if a CAS could not be linked: the hook ignores it)
        c.add(new VarInsnNode(Opcodes.ILOAD, siteLocal));
        c.add(new VarInsnNode(Opcodes.ALOAD, clockParam));
        c.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, hook, "(" + VAR_DESC + "I" + CLOCK_DESC + ")V", false));
        c.add(new InsnNode(Opcodes.RETURN));
        return m;
    }

    /** A shadow accessor takes the object (unless static), the site and the accessing thread's clock. */
    private static String accessorDesc(boolean isStatic) {
        return isStatic ? "(I" + CLOCK_DESC + ")V" : "(Ljava/lang/Object;I" + CLOCK_DESC + ")V";
    }

    private static AbstractInsnNode push(int v) {
        if (v >= -1 && v <= 5) return new InsnNode(Opcodes.ICONST_0 + v);
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) return new IntInsnNode(Opcodes.BIPUSH, v);
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) return new IntInsnNode(Opcodes.SIPUSH, v);
        return new LdcInsnNode(v);
    }

    private static MethodInsnNode hook(String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, name, desc, false);
    }

    /** One method's rewrite. */
    private final class MethodRewrite {
        private final MethodNode mn;
        private final InsnList code;
        private final int base;
        private int clockLocal = -1;
        private int line;

        MethodRewrite(MethodNode mn) {
            this.mn = mn;
            this.code = mn.instructions;
            this.base = mn.maxLocals + 1; // mn.maxLocals itself is the clock local's
        }

        private int site(String what) {
            return CodeSites.register(cn.name.replace('/', '.'), mn.name, cn.sourceFile, line, what);
        }

        void run() {
            interruptHandlers();
            boolean uninitialised = mn.name.equals("<init>");
            int pendingNews = 0;
            for (AbstractInsnNode insn = code.getFirst(); insn != null; ) {
                AbstractInsnNode next = insn.getNext();
                int op = insn.getOpcode();
                if (insn instanceof LineNumberNode ln) {
                    line = ln.line;
                } else if (op == Opcodes.NEW && uninitialised) {
                    pendingNews++;
                } else if (insn instanceof FieldInsnNode f) {
                    boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
                    if (isStatic || !uninitialised) field(f, isStatic);
                } else if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                    arrayLoad(insn);
                } else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                    arrayStore(insn, op);
                } else if (op == Opcodes.MONITORENTER) {
                    monitorEnter(insn);
                } else if (op == Opcodes.MONITOREXIT) {
                    InsnList l = new InsnList();
                    l.add(new InsnNode(Opcodes.DUP));
                    l.add(hook("monitorExit", "(Ljava/lang/Object;)V"));
                    code.insertBefore(insn, l);
                } else if (insn instanceof MethodInsnNode m) {
                    if (m.name.equals("clone") && m.desc.equals("()Ljava/lang/Object;") && m.owner.equals("java/lang/Object")) {
                        InsnList l = new InsnList();
                        l.add(new InsnNode(Opcodes.DUP));
                        l.add(hook("afterClone", "(Ljava/lang/Object;)V"));
                        code.insert(m, l);
                    } else if (op == Opcodes.INVOKESPECIAL) {
                        if (m.owner.equals("java/util/concurrent/CyclicBarrier") && m.name.equals("<init>")) barrier(m);
                        if (uninitialised && m.name.equals("<init>")) {
                            if (pendingNews > 0) pendingNews--;
                            else uninitialised = false;
                        }
                    } else {
                        call(m);
                    }
                }
                insn = next;
            }
            methodHooks();
            if (clockLocal >= 0) storeClockAtEntry();
        }

        /**
         * {@code monitorenter} is followed by {@code RaceHooks.monitorEnter} of the same object. The copy of
         * the reference waits in a fresh local, never on the operand stack: a virtual thread that blocks in
         * the {@code monitorenter} unmounts (JEP 491), and a reference left on the operand stack across it
         * has been seen to come back stale after a collection moved the object (docs/jvm-monitorenter-unmount.md).
         * With nothing but the lock on the stack the instruction sees what javac emits.
         */
        private void monitorEnter(AbstractInsnNode enter) {
            InsnList before = new InsnList();
            before.add(new InsnNode(Opcodes.DUP));
            before.add(new VarInsnNode(Opcodes.ASTORE, base));
            code.insertBefore(enter, before);
            InsnList after = new InsnList();
            after.add(new VarInsnNode(Opcodes.ALOAD, base));
            after.add(hook("monitorEnter", "(Ljava/lang/Object;)V"));
            code.insert(enter, after);
        }

        /**
         * Each exception handler that may catch an {@code InterruptedException} (its type is that, or
         * {@code Exception}, {@code Throwable}, or any) starts with {@code RaceHooks.caught} of the
         * exception: an interrupt is detected there (the handler's frame already has it on the stack).
         */
        private void interruptHandlers() {
            Set<LabelNode> done = new HashSet<>();
            for (TryCatchBlockNode tc : mn.tryCatchBlocks) {
                if (tc.type != null && !INTERRUPT_CATCHERS.contains(tc.type)) continue;
                if (!done.add(tc.handler)) continue;
                AbstractInsnNode at = tc.handler.getNext();
                while (at != null && at.getOpcode() < 0) at = at.getNext(); // labels, line numbers, frames
                if (at == null) continue;
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP));
                l.add(hook("caught", "(Ljava/lang/Throwable;)V"));
                code.insertBefore(at, l);
            }
        }

        /**
         * Stores the thread's clock in {@link #clockLocal} before anything else runs (before the try range
         * {@link #methodHooks} may have added), and makes every stack map frame say so: each frame becomes
         * a full one with the local appended (the frames in between padded with {@code TOP}).
         */
        private void storeClockAtEntry() {
            InsnList l = new InsnList();
            l.add(hook("thread", "()" + CLOCK_DESC));
            l.add(new VarInsnNode(Opcodes.ASTORE, clockLocal));
            code.insert(l);
            if (!frames) return;
            List<Object> locals = implicitLocals();
            for (AbstractInsnNode insn : code.toArray()) {
                if (!(insn instanceof FrameNode f)) continue;
                List<Object> stack = f.stack == null ? new ArrayList<>() : new ArrayList<>(f.stack);
                switch (f.type) {
                    case Opcodes.F_FULL, Opcodes.F_NEW -> locals = new ArrayList<>(f.local);
                    case Opcodes.F_APPEND -> locals.addAll(f.local);
                    case Opcodes.F_CHOP -> {
                        for (int i = 0; i < f.local.size() && !locals.isEmpty(); i++) locals.remove(locals.size() - 1);
                    }
                    case Opcodes.F_SAME -> stack.clear();
                    default -> { } // F_SAME1: the same locals, the one stack entry it lists
                }
                if (f.type == Opcodes.F_APPEND || f.type == Opcodes.F_CHOP) stack.clear();
                List<Object> full = new ArrayList<>(locals);
                int slots = 0;
                for (Object o : full) slots += o == Opcodes.LONG || o == Opcodes.DOUBLE ? 2 : 1;
                for (; slots < clockLocal; slots++) full.add(Opcodes.TOP);
                full.add(CLOCK_TYPE);
                code.set(f, new FrameNode(Opcodes.F_FULL, full.size(), full.toArray(), stack.size(), stack.toArray()));
            }
        }

        /** The locals of the method's implicit first frame: the receiver and the parameters. */
        private List<Object> implicitLocals() {
            List<Object> locals = new ArrayList<>();
            if ((mn.access & Opcodes.ACC_STATIC) == 0) locals.add(mn.name.equals("<init>") ? Opcodes.UNINITIALIZED_THIS : cn.name);
            for (Type t : Type.getArgumentTypes(mn.desc)) {
                switch (t.getSort()) {
                    case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> locals.add(Opcodes.INTEGER);
                    case Type.FLOAT -> locals.add(Opcodes.FLOAT);
                    case Type.LONG -> locals.add(Opcodes.LONG);
                    case Type.DOUBLE -> locals.add(Opcodes.DOUBLE);
                    default -> locals.add(t.getInternalName());
                }
            }
            return locals;
        }

        // ---- fields ----

        private void field(FieldInsnNode f, boolean isStatic) {
            ClassHierarchy.ResolvedField rf = hierarchy.resolveField(loader, f.owner, f.name);
            if (rf == null) return;
            boolean wide = f.desc.equals("J") || f.desc.equals("D");
            int op = f.getOpcode();
            boolean read = op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC;
            if ((rf.access() & Opcodes.ACC_VOLATILE) != 0) {
                volatileField(f, isStatic, read, wide, FieldIds.of(rf.declaringClass(), f.name));
                return;
            }
            if ((rf.access() & Opcodes.ACC_FINAL) != 0 || rf.declaringIsJdk() || rf.declaringIsInterface()
                    || !filter.instruments(loader, rf.declaringClass())) {
                return;
            }
            boolean self = rf.declaringClass().equals(cn.name);
            if (!self && !indy) return;
            int site = site(rf.declaringClass().replace('/', '.') + "." + f.name);
            String name = PREFIX + (read ? "r$" : "w$") + f.name;
            String desc = accessorDesc(isStatic);
            InsnList l = new InsnList();
            if (!isStatic) {
                if (read) l.add(new InsnNode(Opcodes.DUP));
                else copyReceiverOverValue(l, wide);
            }
            l.add(push(site));
            l.add(new VarInsnNode(Opcodes.ALOAD, clockLocal()));
            if (self) {
                l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, cn.name, name, desc, (cn.access & Opcodes.ACC_INTERFACE) != 0));
            } else {
                l.add(new InvokeDynamicInsnNode(name, desc, LINKER, Type.getObjectType(rf.declaringClass())));
            }
            code.insertBefore(f, l);
        }

        /** Before a {@code putfield}: {@code obj, value} becomes {@code obj, value, obj}. */
        private static void copyReceiverOverValue(InsnList l, boolean wideValue) {
            if (wideValue) {
                l.add(new InsnNode(Opcodes.DUP2_X1));
                l.add(new InsnNode(Opcodes.POP2));
                l.add(new InsnNode(Opcodes.DUP_X2));
            } else {
                l.add(new InsnNode(Opcodes.DUP2));
                l.add(new InsnNode(Opcodes.POP));
            }
        }

        private void volatileField(FieldInsnNode f, boolean isStatic, boolean read, boolean wide, int id) {
            if (isStatic) {
                InsnList l = new InsnList();
                l.add(push(id));
                l.add(hook(read ? "volatileStaticRead" : "volatileStaticWrite", "(I)V"));
                if (read) code.insert(f, l);
                else code.insertBefore(f, l);
                return;
            }
            InsnList l = new InsnList();
            if (read) {
                code.insertBefore(f, new InsnNode(Opcodes.DUP));
                if (wide) {
                    l.add(new InsnNode(Opcodes.DUP2_X1));
                    l.add(new InsnNode(Opcodes.POP2));
                } else {
                    l.add(new InsnNode(Opcodes.SWAP));
                }
                l.add(push(id));
                l.add(hook("volatileRead", "(Ljava/lang/Object;I)V"));
                code.insert(f, l);
            } else {
                copyReceiverOverValue(l, wide);
                l.add(push(id));
                l.add(hook("volatileWrite", "(Ljava/lang/Object;I)V"));
                code.insertBefore(f, l);
            }
        }

        // ---- arrays ----

        /**
         * The local holding the thread's clock, fetched once at the method's entry for its field and array
         * accesses and JDK calls (the hooks then need no thread-local lookup and are small enough for the
         * JIT to inline into a loop). The first slot above the method's own locals; the temporaries start
         * after it.
         */
        private int clockLocal() {
            if (clockLocal < 0) clockLocal = base - 1;
            return clockLocal;
        }

        private void arrayLoad(AbstractInsnNode insn) {
            if (ArrayUpdates.isReadOfUpdate(insn)) return; // checked as the update's write
            InsnList l = new InsnList();
            l.add(new InsnNode(Opcodes.DUP2));
            l.add(push(site(null)));
            l.add(new VarInsnNode(Opcodes.ALOAD, clockLocal()));
            l.add(hook("arrayRead", ARRAY_HOOK_DESC));
            code.insertBefore(insn, l);
        }

        private void arrayStore(AbstractInsnNode insn, int op) {
            int store;
            int load;
            switch (op) {
                case Opcodes.LASTORE -> { store = Opcodes.LSTORE; load = Opcodes.LLOAD; }
                case Opcodes.DASTORE -> { store = Opcodes.DSTORE; load = Opcodes.DLOAD; }
                case Opcodes.FASTORE -> { store = Opcodes.FSTORE; load = Opcodes.FLOAD; }
                case Opcodes.AASTORE -> { store = Opcodes.ASTORE; load = Opcodes.ALOAD; }
                default -> { store = Opcodes.ISTORE; load = Opcodes.ILOAD; }
            }
            InsnList l = new InsnList();
            l.add(new VarInsnNode(store, base));
            l.add(new InsnNode(Opcodes.DUP2));
            l.add(push(site(null)));
            l.add(new VarInsnNode(Opcodes.ALOAD, clockLocal()));
            l.add(hook("arrayWrite", ARRAY_HOOK_DESC));
            l.add(new VarInsnNode(load, base));
            code.insertBefore(insn, l);
        }

        // ---- calls ----

        /** {@code new CyclicBarrier(n[, action])} becomes {@code new CyclicBarrier(n, RaceHooks.barrierAction(action))}. */
        private void barrier(MethodInsnNode init) {
            InsnList l = new InsnList();
            if (init.desc.equals("(I)V")) {
                l.add(new InsnNode(Opcodes.ACONST_NULL));
                init.desc = "(ILjava/lang/Runnable;)V";
            } else if (!init.desc.equals("(ILjava/lang/Runnable;)V")) {
                return;
            }
            l.add(hook("barrierAction", "(Ljava/lang/Runnable;)Ljava/lang/Runnable;"));
            code.insertBefore(init, l);
        }

        private void call(MethodInsnNode m) {
            int op = m.getOpcode();
            if (m.owner.startsWith("[")) return;
            if (m.name.equals("wait") && op != Opcodes.INVOKESTATIC
                    && (m.desc.equals("()V") || m.desc.equals("(J)V") || m.desc.equals("(JI)V"))) {
                code.set(m, hook("waitOn", "(Ljava/lang/Object;" + m.desc.substring(1)));
                return;
            }
            if (m.desc.equals("(I)V") && (op == Opcodes.INVOKESTATIC && m.owner.equals("java/lang/System") && m.name.equals("exit")
                    || op == Opcodes.INVOKEVIRTUAL && m.owner.equals("java/lang/Runtime") && (m.name.equals("exit") || m.name.equals("halt")))) {
                InsnList l = new InsnList();
                l.add(new InsnNode(Opcodes.DUP));
                l.add(hook("exiting", "(I)V"));
                code.insertBefore(m, l);
                return;
            }
            JdkCall rule = JdkCall.match(m.owner, m.name, (t, of) -> hierarchy.isSubtype(loader, t, of));
            if (rule == null) return;
            if (rule.collection() && !mayBeConcurrent(m.owner)) return;
            if (rule.kind() == CallKind.THREAD_START && !m.desc.equals("()V")) return;
            emitCall(m, rule);
        }

        /** A collection call on {@code owner} can reach a concurrent collection (else it is not rewritten). */
        private boolean mayBeConcurrent(String owner) {
            if (owner.startsWith("java/util/concurrent/")) return true;
            if (owner.equals("java/util/Vector") || owner.equals("java/util/Stack") || owner.equals("java/util/Hashtable")) return true;
            if (owner.startsWith("java/") || owner.startsWith("jdk/")) return hierarchy.isJdkAbstract(owner);
            return true;
        }

        private void emitCall(MethodInsnNode m, JdkCall rule) {
            Type[] args = Type.getArgumentTypes(m.desc);
            Type ret = Type.getReturnType(m.desc);
            boolean hasRecv = m.getOpcode() != Opcodes.INVOKESTATIC;
            int slot = base;
            int recvSlot = hasRecv ? slot++ : -1;
            int[] argSlots = new int[args.length];
            int firstRef = -1;
            for (int i = 0; i < args.length; i++) {
                argSlots[i] = slot;
                slot += args[i].getSize();
                int sort = args[i].getSort();
                if (firstRef < 0 && (sort == Type.OBJECT || sort == Type.ARRAY)) firstRef = i;
            }
            int linkSlot = slot;
            int site = site(null);
            CallKind kind = rule.kind();
            boolean wraps = kind == CallKind.TASK || kind == CallKind.TASK_ALL || kind == CallKind.COLLECTION_COMPUTE
                    || kind == CallKind.STREAM;

            InsnList pre = new InsnList();
            for (int i = args.length - 1; i >= 0; i--) pre.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), argSlots[i]));
            if (hasRecv) pre.add(new VarInsnNode(Opcodes.ASTORE, recvSlot));
            pre.add(push(rule.ordinal()));
            loadRecvAndArg0(pre, hasRecv, recvSlot, firstRef, argSlots);
            pre.add(push(site));
            pre.add(new VarInsnNode(Opcodes.ALOAD, clockLocal()));
            pre.add(hook("before", "(ILjava/lang/Object;Ljava/lang/Object;I" + CLOCK_DESC + ")Ljava/lang/Object;"));
            pre.add(new VarInsnNode(Opcodes.ASTORE, linkSlot));
            if (hasRecv) pre.add(new VarInsnNode(Opcodes.ALOAD, recvSlot));
            for (int i = 0; i < args.length; i++) {
                pre.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), argSlots[i]));
                if (!wraps || args[i].getSort() != Type.OBJECT) continue;
                String type = args[i].getInternalName();
                if (kind == CallKind.STREAM) {
                    if (type.startsWith("java/util/function/") || type.equals("java/util/Comparator")
                            || type.equals("java/util/stream/Collector")) {
                        pre.add(new VarInsnNode(Opcodes.ALOAD, linkSlot));
                        pre.add(new InsnNode(Opcodes.SWAP));
                        pre.add(new LdcInsnNode(Type.getObjectType(type)));
                        boolean ordered = m.name.equals("forEachOrdered") || type.equals("java/util/function/BinaryOperator")
                                || m.name.equals("collect") && i == 2;
                        pre.add(new InsnNode(ordered ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
                        pre.add(hook("wrapFunction", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Class;Z)Ljava/lang/Object;"));
                        pre.add(new TypeInsnNode(Opcodes.CHECKCAST, type));
                    }
                    continue;
                }
                boolean collection = kind == CallKind.TASK_ALL && type.equals("java/util/Collection");
                if (WRAPPABLE.contains(type) || collection) {
                    pre.add(new VarInsnNode(Opcodes.ALOAD, linkSlot));
                    pre.add(new InsnNode(Opcodes.SWAP));
                    pre.add(hook("wrap", "(Ljava/lang/Object;L" + type + ";)L" + type + ";"));
                }
            }
            code.insertBefore(m, pre);
            AbstractInsnNode callEnd = m;
            String[] wrapper = hasRecv
                    ? ThrowingCalls.wrapperOf(rule, type -> hierarchy.isSubtype(loader, m.owner, type), m.name, m.desc)
                    : null;
            if (wrapper != null) { // the call's edge also holds when it throws: made through a wrapper
                code.insertBefore(m, new VarInsnNode(Opcodes.ALOAD, clockLocal()));
                callEnd = new MethodInsnNode(Opcodes.INVOKESTATIC, THROWING_CALLS, wrapper[0], wrapper[1], false);
                code.set(m, callEnd);
            }

            InsnList post = new InsnList();
            switch (ret.getSort()) {
                case Type.OBJECT, Type.ARRAY -> post.add(new InsnNode(Opcodes.DUP));
                case Type.BOOLEAN -> {
                    post.add(new InsnNode(Opcodes.DUP));
                    post.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false));
                }
                default -> post.add(new InsnNode(Opcodes.ACONST_NULL));
            }
            post.add(push(rule.ordinal()));
            loadRecvAndArg0(post, hasRecv, recvSlot, firstRef, argSlots);
            post.add(new VarInsnNode(Opcodes.ALOAD, linkSlot));
            post.add(new VarInsnNode(Opcodes.ALOAD, clockLocal()));
            post.add(hook("after", "(Ljava/lang/Object;ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;" + CLOCK_DESC + ")V"));
            code.insert(callEnd, post);
        }

        private void loadRecvAndArg0(InsnList l, boolean hasRecv, int recvSlot, int firstRef, int[] argSlots) {
            l.add(hasRecv ? new VarInsnNode(Opcodes.ALOAD, recvSlot) : new InsnNode(Opcodes.ACONST_NULL));
            l.add(firstRef >= 0 ? new VarInsnNode(Opcodes.ALOAD, argSlots[firstRef]) : new InsnNode(Opcodes.ACONST_NULL));
        }

        // ---- method-wide hooks ----

        private void methodHooks() {
            boolean isStatic = (mn.access & Opcodes.ACC_STATIC) != 0;
            InsnList entry = new InsnList();
            InsnList exit = new InsnList();
            InsnList handlerOnly = new InsnList();
            boolean needsThis = false;
            if ((mn.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                if (isStatic) {
                    entry.add(new LdcInsnNode(Type.getObjectType(cn.name)));
                    exit.add(new LdcInsnNode(Type.getObjectType(cn.name)));
                } else if (!storesLocal0()) {
                    entry.add(new VarInsnNode(Opcodes.ALOAD, 0));
                    exit.add(new VarInsnNode(Opcodes.ALOAD, 0));
                    needsThis = true;
                } else {
                    warn.accept("go4j-race: warning: " + cn.name.replace('/', '.') + "." + mn.name
                            + " reassigns 'this'; its monitor is not tracked");
                }
                if (entry.size() > 0) {
                    entry.add(hook("monitorEnter", "(Ljava/lang/Object;)V"));
                    exit.add(hook("monitorExit", "(Ljava/lang/Object;)V"));
                }
            }
            if (mn.name.equals("<clinit>")) {
                entry.add(hook("classInitEnter", "()V"));
                exit.add(hook("classInitExit", "()V"));
            }
            if (cn.name.equals(mainClass) && mn.name.equals("main")
                    && (mn.desc.equals("([Ljava/lang/String;)V") || mn.desc.equals("()V"))) {
                handlerOnly.add(hook("mainThrew", "()V"));
            }
            boolean forkJoin = !isStatic && (mn.name.equals("compute") && mn.desc.startsWith("()") && FORK_JOIN.contains(cn.superName)
                    || mn.name.equals("run") && mn.desc.equals("()V") && cn.superName.equals("java/util/TimerTask"));
            if (forkJoin && !storesLocal0()) {
                InsnList enter = new InsnList();
                enter.add(new VarInsnNode(Opcodes.ALOAD, 0));
                enter.add(hook("taskEnter", "(Ljava/lang/Object;)V"));
                code.insert(enter);
                for (AbstractInsnNode insn : code.toArray()) {
                    if (insn.getOpcode() >= Opcodes.IRETURN && insn.getOpcode() <= Opcodes.RETURN) {
                        InsnList l = new InsnList();
                        l.add(new VarInsnNode(Opcodes.ALOAD, 0));
                        l.add(hook("taskExit", "(Ljava/lang/Object;)V"));
                        code.insertBefore(insn, l);
                    }
                }
            }
            if (entry.size() == 0 && exit.size() == 0 && handlerOnly.size() == 0) return;

            for (AbstractInsnNode insn : code.toArray()) {
                int op = insn.getOpcode();
                if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN && exit.size() > 0) code.insertBefore(insn, copy(exit));
            }
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            code.insert(start);
            code.insert(entry);
            code.add(end);
            code.add(handler);
            if (frames) {
                Object[] locals = needsThis ? new Object[] {cn.name} : new Object[0];
                code.add(new FrameNode(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"}));
            }
            code.add(copy(handlerOnly));
            code.add(copy(exit));
            code.add(new InsnNode(Opcodes.ATHROW));
            mn.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        }

        private boolean storesLocal0() {
            for (AbstractInsnNode insn : code.toArray()) {
                if (insn instanceof VarInsnNode v && v.var == 0 && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                    return true;
                }
            }
            return false;
        }

        private InsnList copy(InsnList l) {
            InsnList out = new InsnList();
            for (AbstractInsnNode i = l.getFirst(); i != null; i = i.getNext()) out.add(i.clone(java.util.Map.of()));
            return out;
        }
    }
}
