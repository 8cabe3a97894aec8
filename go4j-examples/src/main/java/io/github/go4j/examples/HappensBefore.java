package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Go's memory-model rules for channels, each shown with a plain (non-volatile) field that another goroutine
 * is guaranteed to see because of the channel operation between them:
 * <ol>
 *   <li>a send happens-before the receive that gets its value completes;
 *   <li>on an unbuffered channel, a receive happens-before the matching send completes;
 *   <li>happens-before is transitive, across any number of goroutines;
 *   <li>a close happens-before a receive that returns because the channel is closed;
 *   <li>on a channel of capacity C, the k-th receive happens-before the (k+C)-th send completes: a buffered
 *       channel is a counting semaphore.
 * </ol>
 * (A common mistake, also in the seed material: writing after a receive and expecting the sender to see
 * it. Only what the receiver did <em>before</em> its receive is guaranteed visible to the sender.)
 */
public final class HappensBefore implements Example {

    /** Plain fields: no volatile, no lock. Only the channels make the writes visible. */
    private static final class Shared {
        int value;
        String note;
        String reason;
    }

    /** The example, ready to {@link #run()}. */
    public HappensBefore() {}

    @Override
    public String name() {
        return "happens-before";
    }

    @Override
    public String title() {
        return "Happens-before: what each channel operation makes visible";
    }

    @Override
    public void run() throws InterruptedException {
        sendBeforeReceive();
        receiveBeforeSendCompletes();
        transitivity();
        closeBeforeClosedReceive();
        bufferedAsSemaphore();
    }

    private static void sendBeforeReceive() throws InterruptedException {
        Shared s = new Shared();
        Chan<Boolean> ready = Chan.make();
        Go.go(() -> {
            s.value = 42;
            ready.send(true);
        });
        ready.recv();
        System.out.println("1. send -> receive: main sees value = " + s.value);
    }

    private static void receiveBeforeSendCompletes() throws InterruptedException {
        Shared s = new Shared();
        Chan<Boolean> handoff = Chan.make(); // unbuffered: the rule holds for these only
        Thread receiver = Go.go(() -> {
            s.note = "written before the receive";
            handoff.recv();
        });
        handoff.send(true);
        System.out.println("2. unbuffered receive -> send completes: main sees note = \"" + s.note + "\"");
        receiver.join();
    }

    private static void transitivity() throws InterruptedException {
        Shared s = new Shared();
        Chan<Boolean> aToB = Chan.make();
        Chan<Boolean> bToC = Chan.make();
        Chan<Integer> cToMain = Chan.make();
        Go.go(() -> {
            s.value = 7;
            aToB.send(true);
        });
        Go.go(() -> {
            aToB.recv();
            bToC.send(true);
        });
        Go.go(() -> {
            bToC.recv();
            cToMain.send(s.value); // goroutine C never talked to A, yet sees A's write
        });
        System.out.println("3. transitivity A -> B -> C: C sees value = " + cToMain.recv());
    }

    private static void closeBeforeClosedReceive() throws InterruptedException {
        Shared s = new Shared();
        Chan<Void> done = Chan.make();
        Chan<String> acks = Chan.make();
        for (int w = 1; w <= 3; w++) {
            int worker = w;
            Go.go(() -> {
                done.recv(); // returns when done is closed
                acks.send("worker " + worker + " saw reason = \"" + s.reason + "\"");
            });
        }
        s.reason = "shutting down";
        done.close(); // one close wakes every receiver: a broadcast
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) seen.add(acks.recv());
        seen.sort(null);
        System.out.println("4. close -> receive of the close, for all three waiting workers:");
        for (String line : seen) System.out.println("   " + line);
    }

    private static void bufferedAsSemaphore() throws InterruptedException {
        int capacity = 3;
        Chan<Boolean> slots = Chan.make(capacity);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(Go.go(() -> {
                slots.send(true); // acquire: blocks while 3 jobs hold a slot
                try {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(5);
                    running.decrementAndGet();
                } finally {
                    slots.recv(); // release
                }
            }));
        }
        for (Thread job : jobs) job.join();
        System.out.println("5. k-th receive -> (k+" + capacity + ")-th send on a channel of capacity " + capacity
                + ": 10 jobs, never more than " + capacity + " at once: " + (most.get() <= capacity));
    }
}
