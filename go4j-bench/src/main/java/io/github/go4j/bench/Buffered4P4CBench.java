package io.github.go4j.bench;

import org.openjdk.jmh.annotations.Param;

/** Four producers, four consumers, buffered 1024 (Go twin: BenchmarkBuffered4P4C1024). */
public class Buffered4P4CBench extends BufferedTransferBench {

    @Param({"1024"})
    public int capacity;

    @Override int producers() { return 4; }

    @Override int consumers() { return 4; }

    @Override int capacity() { return capacity; }
}
