package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.SendChan;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The concurrent prime sieve: a goroutine sends 2, 3, 4, ...; each prime found adds a goroutine that
 * passes on only the numbers its prime does not divide, so the head of the chain is always the next prime.
 * The stages would run forever: main stops them by interrupting them (Java's way to cancel a thread) and
 * waits for them to end, so the program leaves no goroutine behind.
 */
public final class PrimeSieve implements Example {

    private static final int PRIMES = 20;

    /** The example, ready to {@link #run()}. */
    public PrimeSieve() {}

    @Override
    public String name() {
        return "sieve";
    }

    @Override
    public String title() {
        return "Prime sieve: a chain of filter goroutines";
    }

    @Override
    public void run() throws InterruptedException {
        List<Thread> stages = new ArrayList<>();
        Chan<Integer> numbers = Chan.make();
        stages.add(Go.go(() -> generate(numbers)));
        RecvChan<Integer> head = numbers;
        StringJoiner primes = new StringJoiner(" ");
        for (int i = 0; i < PRIMES; i++) {
            int prime = head.recv();
            primes.add(String.valueOf(prime));
            Chan<Integer> next = Chan.make();
            RecvChan<Integer> in = head;
            stages.add(Go.go(() -> filter(in, next, prime)));
            head = next;
        }
        System.out.println("the first " + PRIMES + " primes: " + primes);

        for (Thread stage : stages) stage.interrupt();
        for (Thread stage : stages) stage.join();
        System.out.println("stopped the " + stages.size() + " goroutines of the sieve");
    }

    private static void generate(SendChan<Integer> out) {
        try {
            for (int i = 2; ; i++) out.send(i);
        } catch (InterruptedException stopped) {
            // main is done with us
        }
    }

    private static void filter(RecvChan<Integer> in, SendChan<Integer> out, int prime) {
        try {
            for (;;) {
                int n = in.recv();
                if (n % prime != 0) out.send(n);
            }
        } catch (InterruptedException stopped) {
            // main is done with us
        }
    }
}
