package io.github.go4j.racesuite.norace;

import java.util.concurrent.ConcurrentHashMap;

/** Two threads update the same key with {@code ConcurrentHashMap.merge} and {@code computeIfAbsent}; every access goes through the map. */
public final class ConcurrentHashMapCompute {

    public static void main(String[] args) throws InterruptedException {
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        Runnable work = () -> {
            for (int i = 0; i < 100; i++) {
                counts.merge("hits", 1, Integer::sum);
                counts.computeIfAbsent("first", k -> 0);
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        if (counts.get("hits") != 200) {
            throw new AssertionError();
        }
    }
}
