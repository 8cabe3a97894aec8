package io.github.go4j.chan;

import io.github.go4j.Go;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.EventListeners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Programs that {@link OneCarrierTest} runs in a child JVM with one carrier thread for virtual threads
 * ({@code -Djdk.virtualThreadScheduler.parallelism=1}), where a goroutine that spins keeps every other one
 * from running. Each prints what it found and exits 0 when all went well; a hang is the child JVM not
 * finishing.
 *
 * <ul>
 *   <li>{@code claimWindow}: a listener blocks the sender inside its callback after it paired with a parked
 *       receiver; the receiver is interrupted meanwhile and must wait for the sender without holding the
 *       carrier (exit 3 if another goroutine cannot run).</li>
 *   <li>{@code stress}: goroutines send, receive and select (with timeouts and interrupts) on a few
 *       channels under a listener that works like the race detector's (one shared monitor, allocation,
 *       and now and then a yield inside a callback); every received message must be ordered after its
 *       send by the reported edges (exit 4 otherwise).</li>
 * </ul>
 */
public final class OneCarrierScenarios {

    private OneCarrierScenarios() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "claimWindow" -> claimWindow();
            case "stress" -> stress();
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
    }

    private static void claimWindow() throws Exception {
        Object monitor = new Object();
        Chan<Integer> ch = Chan.make();
        AtomicReference<Thread> toBlock = new AtomicReference<>();
        EventListener blocking = new EventListener() {
            private void maybeBlock() {
                if (Thread.currentThread() == toBlock.get()) {
                    toBlock.set(null);
                    synchronized (monitor) {
                        // the main thread holds the monitor until another goroutine could run
                    }
                }
            }

            @Override public void release(Object sync, long slot) { maybeBlock(); }
            @Override public void acquire(Object sync, long slot) { maybeBlock(); }
            @Override public void transfer(Object from, long fromSlot, Object to, long toSlot) { maybeBlock(); }
        };
        AtomicReference<Object> got = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        try (AutoCloseable reg = EventListeners.register(blocking)) {
            Thread receiver = Thread.ofVirtual().start(() -> {
                try {
                    got.set(ch.recv());
                    interruptKept.set(Thread.currentThread().isInterrupted());
                } catch (InterruptedException e) {
                    got.set(e);
                }
            });
            awaitState(receiver, Thread.State.WAITING);
            Thread sender;
            synchronized (monitor) {
                sender = Thread.ofVirtual().unstarted(() -> {
                    try {
                        ch.send(42);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
                toBlock.set(sender);
                sender.start();
                awaitState(sender, Thread.State.BLOCKED); // in its first callback, the receiver claimed
                receiver.interrupt();
                CountDownLatch probe = new CountDownLatch(1);
                Thread.ofVirtual().start(probe::countDown);
                if (!probe.await(20, TimeUnit.SECONDS)) {
                    System.out.println("claimWindow: no other goroutine ran for 20 s: the carrier is held by " + receiver.getState()
                            + " " + receiver);
                    Runtime.getRuntime().halt(3);
                }
            }
            if (!sender.join(Duration.ofSeconds(20)) || !receiver.join(Duration.ofSeconds(20))) {
                System.out.println("claimWindow: sender or receiver did not finish");
                Runtime.getRuntime().halt(5);
            }
        }
        System.out.println("claimWindow: received " + got.get() + ", interrupt kept " + interruptKept.get());
        if (!Integer.valueOf(42).equals(got.get()) || !Boolean.TRUE.equals(interruptKept.get())) Runtime.getRuntime().halt(4);
    }

    /** Waits (polling, never sleeping) until {@code t} is in {@code state}; exits 5 after 20 s. */
    private static void awaitState(Thread t, Thread.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (t.getState() != state) {
            if (System.nanoTime() - deadline > 0) {
                System.out.println("never " + state + ": " + t + " " + t.getState());
                Runtime.getRuntime().halt(5);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A happens-before model kept the way the race detector keeps it: one global monitor around a map of
     * clocks, new objects on every event, and every 32nd callback yields its carrier in the middle.
     */
    static final class DetectorLike implements EventListener {
        private final Map<Object, Map<Long, Long>> clocks = new HashMap<>();
        private final AtomicInteger calls = new AtomicInteger();

        private record Key(Object sync, long slot) {
            @Override public boolean equals(Object o) {
                return o instanceof Key k && k.sync == sync && k.slot == slot;
            }

            @Override public int hashCode() {
                return System.identityHashCode(sync) * 31 + Long.hashCode(slot);
            }
        }

        private Map<Long, Long> clockOf(Object key) {
            return clocks.computeIfAbsent(key, k -> new HashMap<>());
        }

        private Map<Long, Long> mine() {
            long tid = Thread.currentThread().threadId();
            Map<Long, Long> c = clockOf(Thread.currentThread());
            c.putIfAbsent(tid, 1L);
            return c;
        }

        private static void join(Map<Long, Long> into, Map<Long, Long> from) {
            from.forEach((k, v) -> into.merge(k, v, Math::max));
        }

        private void maybeYield() {
            if (calls.incrementAndGet() % 32 == 0) Thread.yield();
        }

        long epoch() {
            synchronized (clocks) {
                return mine().get(Thread.currentThread().threadId());
            }
        }

        boolean sees(long tid, long epoch) {
            synchronized (clocks) {
                return mine().getOrDefault(tid, 0L) >= epoch;
            }
        }

        @Override public void release(Object sync, long slot) {
            synchronized (clocks) {
                Map<Long, Long> me = mine();
                join(clockOf(new Key(sync, slot)), me);
                me.merge(Thread.currentThread().threadId(), 1L, Long::sum);
            }
            maybeYield();
        }

        @Override public void acquire(Object sync, long slot) {
            maybeYield();
            synchronized (clocks) {
                join(mine(), clockOf(new Key(sync, slot)));
            }
        }

        @Override public void transfer(Object from, long fromSlot, Object to, long toSlot) {
            synchronized (clocks) {
                join(clockOf(new Key(to, toSlot)), new HashMap<>(clockOf(new Key(from, fromSlot))));
            }
            maybeYield();
        }

        @Override public void goroutineCreated(Thread child) {
            synchronized (clocks) {
                Map<Long, Long> me = mine();
                join(clockOf(child), me);
                me.merge(Thread.currentThread().threadId(), 1L, Long::sum);
            }
        }
    }

    /** A message naming its sender and the sender's epoch just before the send. */
    record Msg(long tid, long epoch) {}

    private static void stress() throws Exception {
        DetectorLike d = new DetectorLike();
        List<Chan<Msg>> chans = List.of(Chan.make(), Chan.make(1), Chan.make(4));
        int messages = 1_000;
        int rounds = 1_000;
        AtomicInteger received = new AtomicInteger();
        AtomicInteger unordered = new AtomicInteger();
        AtomicReference<String> firstUnordered = new AtomicReference<>();
        List<Thread> senders = new ArrayList<>();
        List<Thread> receivers = new ArrayList<>();
        try (AutoCloseable reg = EventListeners.register(d)) {
            java.util.function.Consumer<Msg> check = m -> {
                received.incrementAndGet();
                if (!d.sees(m.tid, m.epoch) && unordered.getAndIncrement() == 0) {
                    firstUnordered.set("a receive did not see its send: " + m);
                }
            };
            for (Chan<Msg> c : chans) {
                for (int p = 0; p < 2; p++) {
                    senders.add(Go.go(() -> {
                        long tid = Thread.currentThread().threadId();
                        for (int i = 0; i < messages; i++) c.send(new Msg(tid, d.epoch()));
                    }));
                }
                for (int r = 0; r < 2; r++) {
                    receivers.add(Go.go(() -> {
                        for (Msg m : c) check.accept(m);
                    }));
                }
            }
            for (int s = 0; s < 6; s++) {
                senders.add(Go.go(() -> {
                    long tid = Thread.currentThread().threadId();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < rounds; i++) {
                        Chan<Msg> out = chans.get(rnd.nextInt(chans.size()));
                        Chan<Msg> in = chans.get(rnd.nextInt(chans.size()));
                        Msg m = new Msg(tid, d.epoch());
                        try {
                            Msg got = Select.select(
                                    Case.send(out, m, () -> null),
                                    Case.recv(in, v -> v),
                                    Case.after(Duration.ofNanos(rnd.nextInt(200_000)), () -> null));
                            if (got != null) check.accept(got);
                        } catch (InterruptedException e) {
                            // interrupted while waiting: nothing happened; go on
                        }
                    }
                }));
            }
            // interrupt the selects now and then while they run
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            List<Thread> selectors = senders.subList(senders.size() - 6, senders.size());
            while (selectors.stream().anyMatch(Thread::isAlive)) {
                selectors.get(rnd.nextInt(selectors.size())).interrupt();
                LockSupport.parkNanos(200_000); // pacing only: the interrupts land at random points of the run
            }
            for (Thread t : senders) {
                if (!t.join(Duration.ofSeconds(60))) {
                    System.out.println("stress: a sender did not finish: " + t + " " + t.getState());
                    Runtime.getRuntime().halt(5);
                }
            }
            for (Chan<Msg> c : chans) c.close();
            for (Thread t : receivers) {
                if (!t.join(Duration.ofSeconds(60))) {
                    System.out.println("stress: a receiver did not finish: " + t + " " + t.getState());
                    Runtime.getRuntime().halt(5);
                }
            }
        }
        System.out.println("stress: received " + received.get() + ", unordered " + unordered.get()
                + (firstUnordered.get() == null ? "" : "; " + firstUnordered.get()));
        if (received.get() < chans.size() * 2 * messages) {
            System.out.println("stress: plain sends lost");
            Runtime.getRuntime().halt(4);
        }
        if (unordered.get() != 0) Runtime.getRuntime().halt(4);
    }
}
