package io.github.go4j.racesuite.norace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The writer writes {@code data}, then {@code setRelease} on a plain field through a VarHandle; the reader spins with {@code getAcquire} and reads {@code data}. */
public final class VarHandleReleaseAcquire {

    private static final VarHandle READY;
    private int ready;
    private int data;

    static {
        try {
            READY = MethodHandles.lookup().findVarHandle(VarHandleReleaseAcquire.class, "ready", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        VarHandleReleaseAcquire shared = new VarHandleReleaseAcquire();
        Thread reader = new Thread(() -> {
            while ((int) READY.getAcquire(shared) == 0) {
                Thread.onSpinWait();
            }
            if (shared.data != 42) {
                throw new AssertionError();
            }
        });
        Thread writer = new Thread(() -> {
            shared.data = 42;
            READY.setRelease(shared, 1);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
