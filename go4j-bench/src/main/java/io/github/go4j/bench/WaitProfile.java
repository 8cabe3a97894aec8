package io.github.go4j.bench;

import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import java.util.List;

/**
 * Not a benchmark: runs one go4j workload of the suite for a few seconds in this JVM, so that a profiler
 * (JFR) or go4j's wait diagnostic can look at it. With {@code -Dgo4j.chan.waitStats=true} the channel prints
 * at exit how its waits ended (while spinning, after the k-th yield, parked) — counts that, unlike timings,
 * do not move with the machine's load.
 *
 * <pre>
 * java -Djdk.virtualThreadScheduler.parallelism=2 -Dgo4j.chan.waitStats=true \
 *      -cp go4j-bench/target/benchmarks.jar io.github.go4j.bench.WaitProfile pingpong
 * </pre>
 *
 * Workloads: {@code pingpong}, {@code unbuffered}, {@code buffered16}, {@code buffered1024}, {@code select2},
 * {@code mpmc100} (100 producers, 100 consumers, capacity 16). Prints ns per message of each of its rounds.
 */
public final class WaitProfile {

    private static final List<String> WORKLOADS = List.of("pingpong", "unbuffered", "buffered16", "buffered1024", "select2", "mpmc100");

    private WaitProfile() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !WORKLOADS.contains(args[0])) {
            System.err.println("usage: WaitProfile " + String.join("|", WORKLOADS));
            System.exit(2);
        }
        String workload = args[0];
        int rounds = Integer.getInteger("rounds", 6);
        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            long messages = run(workload);
            System.out.printf("%s round %d: %.1f ns per message%n", workload, r, (System.nanoTime() - t0) / (double) messages);
        }
    }

    private static long run(String workload) throws InterruptedException {
        final int n = 500_000;
        VirtualThreads threads = new VirtualThreads();
        switch (workload) {
            case "pingpong" -> {
                Chan<Integer> ping = Chan.make();
                Chan<Integer> pong = Chan.make();
                threads.start(() -> {
                    for (int i = 0; i < n; i++) pong.send(ping.recv());
                });
                threads.start(() -> {
                    for (int i = 0; i < n; i++) {
                        ping.send(i);
                        pong.recv();
                    }
                });
            }
            case "unbuffered", "buffered16", "buffered1024" -> {
                Chan<Integer> c = Chan.make(workload.equals("unbuffered") ? 0 : workload.equals("buffered16") ? 16 : 1024);
                threads.start(() -> {
                    for (int i = 0; i < n; i++) c.send(Batch.value(i));
                });
                threads.start(() -> {
                    for (int i = 0; i < n; i++) c.recv();
                });
            }
            case "select2" -> {
                Chan<Integer> a = Chan.make(16);
                Chan<Integer> b = Chan.make(16);
                threads.start(() -> {
                    for (int i = 0; i < n / 2; i++) a.send(Batch.value(i));
                });
                threads.start(() -> {
                    for (int i = 0; i < n / 2; i++) b.send(Batch.value(i));
                });
                threads.start(() -> {
                    for (int i = 0; i < n; i++) Select.select(Case.recv(a, v -> v), Case.recv(b, v -> v));
                });
            }
            case "mpmc100" -> {
                Chan<Integer> c = Chan.make(16);
                for (int k = 0; k < 100; k++) {
                    threads.start(() -> {
                        for (int i = 0; i < n / 100; i++) c.send(Batch.value(i));
                    });
                    threads.start(() -> {
                        for (int i = 0; i < n / 100; i++) c.recv();
                    });
                }
            }
            default -> throw new IllegalArgumentException(workload);
        }
        threads.joinAll();
        return n;
    }
}
