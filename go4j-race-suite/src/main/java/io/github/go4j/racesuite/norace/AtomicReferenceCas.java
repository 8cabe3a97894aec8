package io.github.go4j.racesuite.norace;

import java.util.concurrent.atomic.AtomicReference;

/** A filled box is published with {@code AtomicReference.compareAndSet}; the reader spins on {@code get()} and reads the box's field. */
public final class AtomicReferenceCas {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicReference<Box> slot = new AtomicReference<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            Box b;
            while ((b = slot.get()) == null) {
                Thread.onSpinWait();
            }
            if (b.value != 7) {
                throw new AssertionError();
            }
        });
        Box box = new Box();
        box.value = 7;
        if (!slot.compareAndSet(null, box)) {
            throw new AssertionError();
        }
        reader.join();
    }
}
