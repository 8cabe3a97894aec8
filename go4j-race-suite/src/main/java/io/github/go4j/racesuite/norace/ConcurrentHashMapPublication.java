package io.github.go4j.racesuite.norace;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A box is filled and published with {@code ConcurrentHashMap.put}; the reader spins on {@code get} until it appears and reads the box's field. */
public final class ConcurrentHashMapPublication {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Box> map = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            Box b;
            while ((b = map.get("answer")) == null) {
                Thread.onSpinWait();
            }
            if (b.value != 42) {
                throw new AssertionError();
            }
        });
        Thread writer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            map.put("answer", b);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
