package io.github.go4j.racesuite.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** {@code data} is published through a VarHandle in opaque mode (setOpaque/getOpaque order nothing else): the write and the read of {@code data} race. */
public final class VarHandleOpaqueMode {

    private static final VarHandle READY;
    private static int ready;
    private static int data;

    static {
        try {
            READY = MethodHandles.lookup().findStaticVarHandle(VarHandleOpaqueMode.class, "ready", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            while ((int) READY.getOpaque() == 0) {
                Thread.onSpinWait();
            }
            System.out.println("data = " + data);
        });
        Thread writer = new Thread(() -> {
            data = 42;
            READY.setOpaque(1);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
