package io.github.go4j.bench.report;

import java.util.List;

/**
 * One row of the report: a workload, the JMH benchmark class (and parameters) that measures it on the JVM,
 * and its Go twin.
 *
 * @param label what the row is called in the table
 * @param unit what one op is (the figure is ns per unit)
 * @param jmhKey the JMH class's simple name with its parameters, as {@link JmhResults#key} writes it
 * @param goName the Go twin's name without {@code Benchmark}
 * @param hooksPerUnit event-SPI hook calls one unit passes through in go4j (for the hook-cost estimate; 0
 *     where the issue sets no bound)
 * @param note what the reader must know about this row's go4j figure, or ""
 */
record Workload(String label, String unit, String jmhKey, String goName, int hooksPerUnit, String note) {

    /**
     * Hooks per message on go4j's channel: a release and an acquire for the send → receive edge, and a
     * release and an acquire for Go's receive → later-send edge.
     */
    static final int HOOKS_PER_MESSAGE = 4;

    /** Every row, in the order. */
    static final List<Workload> ALL = List.of(
            new Workload("ping-pong, unbuffered", "round trip", "PingPongBench", "PingPong", 2 * HOOKS_PER_MESSAGE, ""),
            new Workload("1P→1C unbuffered", "msg", "Unbuffered1P1CBench", "Unbuffered1P1C", HOOKS_PER_MESSAGE, ""),
            new Workload("1P→1C buffered 16", "msg", "Buffered1P1CBench[capacity=16]", "Buffered1P1C16", HOOKS_PER_MESSAGE, ""),
            new Workload("1P→1C buffered 1024", "msg", "Buffered1P1CBench[capacity=1024]", "Buffered1P1C1024", HOOKS_PER_MESSAGE, ""),
            new Workload("4P→4C buffered 1024", "msg", "Buffered4P4CBench[capacity=1024]", "Buffered4P4C1024", HOOKS_PER_MESSAGE, ""),
            new Workload("100P→100C buffered 16", "msg", "Buffered100P100CBench[capacity=16]", "Buffered100P100C16", HOOKS_PER_MESSAGE, ""),
            new Workload("select over 2 buffered", "msg", "SelectOfTwoBench", "SelectOfTwo", 0, ""),
            new Workload("spawn + WaitGroup", "goroutine", "SpawnWaitGroupBench", "SpawnWaitGroup", 0, ""),
            new Workload("cancel → 1000 waiters", "round", "CancelFanOutBench", "CancelFanOut", 0, ""),
            new Workload("select + default, empty", "select", "SelectDefaultBench", "SelectDefault", 0, ""),
            new Workload("trySend/tryRecv, contended", "attempt", "TrySendRecvBench", "TrySendRecv", 0, ""));
}
