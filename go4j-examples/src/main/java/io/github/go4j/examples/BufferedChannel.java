package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.ChanClosedException;
import io.github.go4j.chan.Received;
import java.util.ArrayList;
import java.util.List;

/**
 * A buffered channel: sends do not wait while there is room; after {@code close} the values already
 * buffered are still received, then receives report the close ({@code ok == false}) and sends throw. Then a
 * producer goroutine and a consumer over a channel of capacity 3, the producer closing when done and the
 * consumer ranging until closed and drained.
 */
public final class BufferedChannel implements Example {

    /** The example, ready to {@link #run()}. */
    public BufferedChannel() {}

    @Override
    public String name() {
        return "buffered";
    }

    @Override
    public String title() {
        return "Buffered channel: send without waiting, close, range until drained";
    }

    @Override
    public void run() throws InterruptedException {
        Chan<String> chores = Chan.make(3);
        chores.send("wash"); // room for three: no receiver needed
        chores.send("dry");
        chores.send("fold");
        System.out.println("three sends, nobody receiving: len=" + chores.len() + " cap=" + chores.cap());
        System.out.println("a fourth, without waiting: trySend(\"iron\") = " + chores.trySend("iron"));
        chores.close();
        System.out.println("closed; what was buffered is still delivered:");
        for (String chore : chores) System.out.println("  " + chore);
        Received<String> after = chores.recvOk();
        System.out.println("then a receive says closed: value=" + after.value() + " ok=" + after.ok());
        try {
            chores.send("iron");
        } catch (ChanClosedException e) {
            System.out.println("and a send throws: " + e.getMessage());
        }

        Chan<Integer> numbers = Chan.make(3);
        Thread producer = Go.go(() -> {
            try {
                for (int i = 1; i <= 10; i++) numbers.send(i); // waits whenever the consumer is 3 behind
            } finally {
                numbers.close(); // only the sender closes: "no more values"
            }
        });
        List<Integer> received = new ArrayList<>();
        for (int n : numbers) received.add(n);
        producer.join();
        int sum = received.stream().mapToInt(Integer::intValue).sum();
        System.out.println("producer -> consumer over cap 3: received " + received + ", sum " + sum);
    }
}
