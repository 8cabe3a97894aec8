package io.github.go4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every workload benchmark inherits (JMH reads class-level annotations through the class
 * hierarchy): average time in ns per op, and the full run's forks and iterations when the jar is run
 * without options ({@code ./go4j bench} passes its own). The fork's virtual-thread scheduler gets 2 carriers,
 * as the Go twins get GOMAXPROCS=2.
 *
 * <p>Method names are {@code peer} or {@code peer_Variant} ({@code go4j}, {@code jox_...}, {@code juc_...},
 * {@code jctools_...}): the report's columns are the peers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=2")
@State(Scope.Benchmark)
public abstract class PeerBenchmark {}
