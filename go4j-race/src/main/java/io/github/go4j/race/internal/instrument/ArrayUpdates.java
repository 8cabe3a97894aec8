package io.github.go4j.race.internal.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;

/**
 * Recognises the read of a compound assignment to an array element, {@code a[i] op= e} (javac:
 * {@code dup2; xaload; <e>; op; xastore}), whose check the instrumentation leaves to the write.
 *
 * <p>Why that loses no race: the read and the write are by the same thread, with no synchronisation
 * between them, so another thread's access is ordered before (or after) the read exactly when it is
 * ordered before (or after) the write; a write that races with the read races with the write too, and
 * is reported there (as a race of the write, at the same source line). Only straight-line code that
 * cannot synchronise may lie between the two: loads of locals and constants, arithmetic, conversions and
 * reads of other arrays' elements. No call, field access (a volatile read is an acquire), jump, label,
 * integer division (it may throw before the write) or nested store. One limit: if a read of another
 * array's element in {@code e} throws, the read of {@code a[i]} happened and its write did not, so a race
 * of that read alone (in a program that then throws) is not seen.
 */
final class ArrayUpdates {
    private ArrayUpdates() {}

    /** Whether the element load {@code load} is the read of a compound assignment to that element. */
    static boolean isReadOfUpdate(AbstractInsnNode load) {
        AbstractInsnNode prev = load.getPrevious();
        if (prev == null || prev.getOpcode() != Opcodes.DUP2) return false;
        int loadOp = load.getOpcode();
        int depth = size(loadOp); // slots above the duplicated array and index
        for (AbstractInsnNode insn = load.getNext(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op == loadOp - Opcodes.IALOAD + Opcodes.IASTORE) return depth == size(loadOp);
            int effect = effect(insn, op);
            if (effect == NOT_STRAIGHT) return false;
            depth += effect;
            if (depth <= 0) return false;
        }
        return false;
    }

    private static final int NOT_STRAIGHT = Integer.MIN_VALUE;

    /** Slots of the value an element load of opcode {@code op} pushes. */
    private static int size(int loadOp) {
        return loadOp == Opcodes.LALOAD || loadOp == Opcodes.DALOAD ? 2 : 1;
    }

    /** The change in stack slots of a straight-line, non-synchronising instruction; else {@link #NOT_STRAIGHT}. */
    private static int effect(AbstractInsnNode insn, int op) {
        switch (op) {
            case Opcodes.ACONST_NULL, Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2,
                 Opcodes.ICONST_3, Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.FCONST_0, Opcodes.FCONST_1,
                 Opcodes.FCONST_2, Opcodes.BIPUSH, Opcodes.SIPUSH, Opcodes.ILOAD, Opcodes.FLOAD, Opcodes.ALOAD,
                 Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D -> {
                return 1;
            }
            case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1, Opcodes.LLOAD, Opcodes.DLOAD -> {
                return 2;
            }
            case Opcodes.LDC -> {
                Object c = ((LdcInsnNode) insn).cst;
                return c instanceof Long || c instanceof Double ? 2 : c instanceof Integer || c instanceof Float ? 1 : NOT_STRAIGHT;
            }
            case Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> {
                return -1;
            }
            case Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.INEG, Opcodes.LNEG, Opcodes.FNEG, Opcodes.DNEG, Opcodes.I2F,
                 Opcodes.L2D, Opcodes.F2I, Opcodes.D2L, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S -> {
                return 0;
            }
            case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR, Opcodes.ISHL,
                 Opcodes.ISHR, Opcodes.IUSHR, Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL, Opcodes.FDIV, Opcodes.FREM,
                 Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.L2I, Opcodes.L2F, Opcodes.D2I, Opcodes.D2F -> {
                return -1;
            }
            case Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR, Opcodes.DADD,
                 Opcodes.DSUB, Opcodes.DMUL, Opcodes.DDIV, Opcodes.DREM -> {
                return -2;
            }
            default -> {
                return NOT_STRAIGHT; // calls, fields, jumps, labels and line numbers (opcode -1), stores, dups, ...
            }
        }
    }
}
