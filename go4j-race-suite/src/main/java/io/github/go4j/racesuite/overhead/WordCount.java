package io.github.go4j.racesuite.overhead;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Word count: a generated text is split into chunks, tasks of a fixed executor tokenise their chunk and
 * count into one ConcurrentHashMap of LongAdders; main waits on the futures. Word i of the text is
 * {@code VOCABULARY[(i * 7919) % V]}, so every one of the V words occurs exactly WORDS / V times: that is
 * the check.
 */
public final class WordCount {

    private static final int V = 5_000;
    private static final int WORDS = 8_000_000;
    private static final int CHUNKS = 64;

    private WordCount() {}

    public static void main(String[] args) throws Exception {
        String[] vocabulary = new String[V];
        for (int w = 0; w < V; w++) {
            vocabulary[w] = "w" + Integer.toString(w * 31 + 7, 36);
        }
        List<String> chunks = new ArrayList<>(CHUNKS);
        int perChunk = WORDS / CHUNKS;
        for (int c = 0; c < CHUNKS; c++) {
            StringBuilder sb = new StringBuilder(perChunk * 6);
            for (int i = c * perChunk; i < (c + 1) * perChunk; i++) {
                sb.append(vocabulary[(int) ((i * 7919L) % V)]).append(i % 17 == 0 ? '\n' : ' ');
            }
            chunks.add(sb.toString());
        }
        ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> done = new ArrayList<>();
            for (String chunk : chunks) {
                done.add(pool.submit(() -> countWords(chunk, counts)));
            }
            long total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            if (total != WORDS) {
                throw new IllegalStateException("counted " + total + " words, expected " + WORDS);
            }
        }
        long checksum = 0;
        for (String word : vocabulary) {
            long n = counts.get(word).sum();
            if (n != WORDS / V) {
                throw new IllegalStateException(word + " counted " + n + " times, expected " + WORDS / V);
            }
            checksum += n * word.hashCode();
        }
        System.out.printf("wordcount %d words, %d distinct: checksum %d ok%n", WORDS, counts.size(), checksum);
    }

    private static int countWords(String text, ConcurrentHashMap<String, LongAdder> counts) {
        int words = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && !Character.isWhitespace(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                counts.computeIfAbsent(text.substring(start, i), k -> new LongAdder()).increment();
                words++;
                start = -1;
            }
        }
        return words;
    }
}
