package io.github.go4j.bench;

import java.util.concurrent.atomic.AtomicLong;

/** The transfer workloads: P producers send {@link Batch#MESSAGES} values over one pipe to C consumers. */
final class Transfer {

    private Transfer() {}

    /**
     * Starts the producers and consumers on virtual threads, waits for all, and checks that the consumers
     * received every value exactly once (by their sum).
     *
     * @return the checksum (JMH consumes it)
     */
    static long run(Pipe pipe, int producers, int consumers) throws InterruptedException {
        int messages = Batch.MESSAGES;
        int perProducer = messages / producers;
        int perConsumer = messages / consumers;
        AtomicLong total = new AtomicLong();
        VirtualThreads threads = new VirtualThreads();
        for (int c = 0; c < consumers; c++) {
            threads.start(() -> {
                long sum = 0;
                for (int i = 0; i < perConsumer; i++) sum += pipe.take();
                total.addAndGet(sum);
            });
        }
        for (int p = 0; p < producers; p++) {
            int base = p * perProducer;
            threads.start(() -> {
                for (int i = 0; i < perProducer; i++) pipe.put(Batch.value(base + i));
            });
        }
        threads.joinAll();
        return Batch.check("transfer sum", total.get(), Batch.sumOfValues(messages));
    }
}
