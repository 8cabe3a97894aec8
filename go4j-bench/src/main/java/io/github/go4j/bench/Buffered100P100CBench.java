package io.github.go4j.bench;

import org.openjdk.jmh.annotations.Param;

/** A hundred producers, a hundred consumers, buffered 16 (Go twin: BenchmarkBuffered100P100C16). */
public class Buffered100P100CBench extends BufferedTransferBench {

    @Param({"16"})
    public int capacity;

    @Override int producers() { return 100; }

    @Override int consumers() { return 100; }

    @Override int capacity() { return capacity; }
}
