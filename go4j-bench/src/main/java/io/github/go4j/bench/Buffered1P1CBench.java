package io.github.go4j.bench;

import org.openjdk.jmh.annotations.Param;

/** One producer, one consumer, buffered 16 and 1024 (Go twins: BenchmarkBuffered1P1C16, BenchmarkBuffered1P1C1024). */
public class Buffered1P1CBench extends BufferedTransferBench {

    @Param({"16", "1024"})
    public int capacity;

    @Override int producers() { return 1; }

    @Override int consumers() { return 1; }

    @Override int capacity() { return capacity; }
}
