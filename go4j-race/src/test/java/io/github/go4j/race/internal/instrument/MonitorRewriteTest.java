package io.github.go4j.race.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * What the instrumenter emits around {@code monitorenter}: the lock's copy for {@code RaceHooks.monitorEnter}
 * waits in a fresh local, so that nothing but the lock is on the operand stack when a virtual thread blocks
 * in the instruction (docs/jvm-monitorenter-unmount.md).
 */
class MonitorRewriteTest {
    @SuppressWarnings("unused")
    static final class Monitors {
        private int count;
        private final Object lock = new Object();

        void block() {
            synchronized (lock) {
                count++;
            }
        }

        void nested(Object other) {
            synchronized (lock) {
                synchronized (other) {
                    count += other.hashCode();
                }
            }
        }

        synchronized void method() {
            count--;
        }
    }

    @Test
    void theLocksCopyWaitsInAFreshLocalAcrossEveryMonitorEnter() throws IOException {
        ClassNode before = read(bytesOf(Monitors.class));
        ClassNode after = read(instrument(Monitors.class));
        int checked = 0;
        for (MethodNode m : after.methods) {
            int originalLocals = before.methods.stream().filter(o -> o.name.equals(m.name) && o.desc.equals(m.desc))
                    .mapToInt(o -> o.maxLocals).findFirst().orElse(0);
            List<AbstractInsnNode> code = real(m);
            for (int i = 0; i < code.size(); i++) {
                if (code.get(i).getOpcode() != Opcodes.MONITORENTER) continue;
                String where = m.name + " at instruction " + i;
                assertEquals(Opcodes.DUP, code.get(i - 2).getOpcode(), where);
                VarInsnNode store = (VarInsnNode) code.get(i - 1);
                assertEquals(Opcodes.ASTORE, store.getOpcode(), where);
                assertTrue(store.var > originalLocals, where + ": the copy must go to a fresh local, not " + store.var);
                VarInsnNode load = (VarInsnNode) code.get(i + 1);
                assertEquals(Opcodes.ALOAD, load.getOpcode(), where);
                assertEquals(store.var, load.var, where);
                MethodInsnNode hook = (MethodInsnNode) code.get(i + 2);
                assertEquals(ClassInstrumenter.HOOKS + ".monitorEnter", hook.owner + "." + hook.name, where);
                checked++;
            }
        }
        assertEquals(3, checked, "the monitorenters of block() and nested()");
    }

    private static List<AbstractInsnNode> real(MethodNode m) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n : m.instructions) if (n.getOpcode() >= 0) out.add(n);
        return out;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        return cn;
    }

    static byte[] bytesOf(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    static byte[] instrument(Class<?> c) throws IOException {
        ClassInstrumenter ci = new ClassInstrumenter(new ClassHierarchy(), new ClassFilter(List.of(), List.of()),
                c.getClassLoader(), null, message -> { throw new AssertionError(message); });
        return ci.instrument(bytesOf(c));
    }
}
