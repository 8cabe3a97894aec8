package io.github.go4j.racesuite.norace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Workers fill their own elements of a plain array, then publish a count with a VarHandle {@code getAndAdd} (volatile); main waits for the count with {@code getVolatile} and reads all elements. */
public final class VarHandleVolatileArray {

    private static final VarHandle DONE;
    private static int done;

    static {
        try {
            DONE = MethodHandles.lookup().findStaticVarHandle(VarHandleVolatileArray.class, "done", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long[] parts = new long[4];
        Thread[] workers = new Thread[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int slot = i;
            workers[i] = Thread.ofVirtual().start(() -> {
                parts[slot] = slot * 100L;
                DONE.getAndAdd(1);
            });
        }
        while ((int) DONE.getVolatile() < parts.length) {
            Thread.onSpinWait();
        }
        long sum = parts[0] + parts[1] + parts[2] + parts[3];
        for (Thread w : workers) {
            w.join();
        }
        if (sum != 600) {
            throw new AssertionError();
        }
    }
}
