package io.github.go4j.race.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which element loads javac's code for each kind of expression makes the read of a compound assignment. */
class ArrayUpdatesTest {
    @SuppressWarnings("unused")
    static final class Shapes {
        volatile int v;

        static void plusAssign(int[] a, int i, int x) {
            a[i] += x;
        }

        static void matrixRow(double[] ci, double[] bk, double aik, int n) {
            for (int j = 0; j < n; j++) ci[j] += aik * bk[j];
        }

        static void longIncrement(long[] a, int i) {
            a[i]++;
        }

        static void byteShift(byte[] a, int i) {
            a[i] <<= 1;
        }

        static void withACall(int[] a, int i) {
            a[i] += Integer.parseInt("1");
        }

        static void withIntegerDivision(int[] a, int i, int d) {
            a[i] += 10 / d;
        }

        static void withANestedStore(int[] a, int[] b, int i) {
            a[i] += (b[i] = 5);
        }

        void withAVolatileRead(int[] a, int i) {
            a[i] += v;
        }

        static int valueUsed(int[] a, int i) {
            return a[i] += 2;
        }

        static void plainCopy(int[] a, int i) {
            a[i] = a[i] + 1;
        }
    }

    /** For each element load of the method, in order: whether it is the read of an update. */
    private static List<Boolean> loads(String method) throws IOException {
        ClassNode cn = new ClassNode();
        try (InputStream in = Shapes.class.getResourceAsStream("ArrayUpdatesTest$Shapes.class")) {
            new ClassReader(in).accept(cn, 0);
        }
        List<Boolean> result = new ArrayList<>();
        for (MethodNode mn : cn.methods) {
            if (!mn.name.equals(method)) continue;
            for (AbstractInsnNode insn : mn.instructions) {
                int op = insn.getOpcode();
                if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) result.add(ArrayUpdates.isReadOfUpdate(insn));
            }
        }
        return result;
    }

    @Test
    void compoundAssignmentsOfStraightLineValuesAreUpdates() throws IOException {
        assertEquals(List.of(true), loads("plusAssign"));
        assertEquals(List.of(true, false), loads("matrixRow"), "ci[j] is updated, bk[j] only read");
        assertEquals(List.of(true), loads("longIncrement"));
        assertEquals(List.of(true), loads("byteShift"));
    }

    @Test
    void anythingThatMaySynchroniseOrThrowOrStoreBetweenKeepsTheRead() throws IOException {
        assertEquals(List.of(false), loads("withACall"));
        assertEquals(List.of(false), loads("withIntegerDivision"));
        assertEquals(List.of(false), loads("withANestedStore"));
        assertEquals(List.of(false), loads("withAVolatileRead"));
        assertEquals(List.of(false), loads("valueUsed"), "dup_x2 keeps the value: not followed");
        assertEquals(List.of(false), loads("plainCopy"), "no dup2: the read is checked");
    }
}
