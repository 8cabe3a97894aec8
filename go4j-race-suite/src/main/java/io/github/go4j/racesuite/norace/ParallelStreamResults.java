package io.github.go4j.racesuite.norace;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Parallel streams: each element's callback writes its own array element or a fresh object, on the
 * common pool's workers; the caller reads them all after the terminal operation returned (the stream
 * joins its workers), and the callbacks read what the caller wrote before the pipeline ran.
 */
public final class ParallelStreamResults {
    static final class Cell {
        int value;
    }

    private static int scale; // written by main before the pipelines run, read by their callbacks

    public static void main(String[] args) {
        scale = 3;
        int[] squares = new int[20_000];
        IntStream.range(0, squares.length).parallel().forEach(i -> squares[i] = i * i * scale);
        Cell[] cells = IntStream.range(0, 5_000).parallel().mapToObj(i -> {
            Cell c = new Cell();
            c.value = i * scale;
            return c;
        }).toArray(Cell[]::new);
        List<Cell> evens = List.of(cells).parallelStream().filter(c -> c.value % 2 == 0)
                .sorted((a, b) -> Integer.compare(b.value, a.value)).collect(Collectors.toList());
        long sum = 0;
        for (int s : squares) sum += s;
        for (Cell c : cells) sum += c.value;
        System.out.println(sum + " " + evens.size() + " " + evens.get(0).value);
    }
}
