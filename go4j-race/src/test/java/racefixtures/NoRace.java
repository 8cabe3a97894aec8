package racefixtures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** Programs whose accesses are all ordered by happens-before: the detector must stay silent. */
public class NoRace {
    static class Box {
        int value;
        volatile int flag;
        int guarded;
    }

    interface Scenario {
        void run() throws Exception;
    }

    static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    static void both(Runnable r) throws InterruptedException {
        Thread a = start(r);
        Thread b = start(r);
        a.join();
        b.join();
    }

    private int counter;

    synchronized void inc() {
        counter++;
    }

    static void syncMethod() throws Exception {
        NoRace n = new NoRace();
        both(() -> { for (int i = 0; i < 100; i++) n.inc(); });
        if (n.counter != 200) throw new AssertionError();
    }

    static void syncBlock() throws Exception {
        Box b = new Box();
        both(() -> { for (int i = 0; i < 100; i++) synchronized (b) { b.value++; } });
        if (b.value != 200) throw new AssertionError();
    }

    static void volatileFlag() throws Exception {
        Box b = new Box();
        Thread t = start(() -> { b.value = 42; b.flag = 1; });
        while (b.flag == 0) Thread.onSpinWait();
        if (b.value != 42) throw new AssertionError();
        t.join();
    }

    static void startJoin() throws Exception {
        Box b = new Box();
        b.value = 1;
        Thread t = start(() -> b.value++);
        t.join();
        b.value++;
    }

    static void isAlive() throws Exception {
        Box b = new Box();
        Thread t = start(() -> b.value = 5);
        while (t.isAlive()) Thread.onSpinWait();
        b.value++;
    }

    static void reentrantLock() throws Exception {
        Box b = new Box();
        ReentrantLock lock = new ReentrantLock();
        both(() -> { for (int i = 0; i < 50; i++) { lock.lock(); try { b.value++; } finally { lock.unlock(); } } });
    }

    static void readWriteLock() throws Exception {
        Box b = new Box();
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        Thread w = start(() -> { rw.writeLock().lock(); try { b.value = 7; } finally { rw.writeLock().unlock(); } });
        Thread r = start(() -> { rw.readLock().lock(); try { int v = b.value; } finally { rw.readLock().unlock(); } });
        w.join();
        r.join();
    }

    static void stampedLock() throws Exception {
        Box b = new Box();
        StampedLock sl = new StampedLock();
        both(() -> { long s = sl.writeLock(); try { b.value++; } finally { sl.unlockWrite(s); } });
        long s = sl.readLock();
        int v = b.value;
        sl.unlockRead(s);
    }

    static void semaphore() throws Exception {
        Box b = new Box();
        Semaphore sem = new Semaphore(1);
        both(() -> { sem.acquireUninterruptibly(); b.value++; sem.release(); });
    }

    static void latch() throws Exception {
        Box b = new Box();
        CountDownLatch done = new CountDownLatch(1);
        start(() -> { b.value = 3; done.countDown(); });
        done.await();
        b.value++;
    }

    static void barrier() throws Exception {
        int[] slots = new int[2];
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread a = start(() -> { slots[0] = 1; await(barrier); int x = slots[1]; });
        Thread c = start(() -> { slots[1] = 1; await(barrier); int x = slots[0]; });
        a.join();
        c.join();
    }

    static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static void phaser() throws Exception {
        int[] slots = new int[2];
        Phaser p = new Phaser(2);
        Thread a = start(() -> { slots[0] = 1; p.arriveAndAwaitAdvance(); int x = slots[1]; });
        Thread c = start(() -> { slots[1] = 1; p.arriveAndAwaitAdvance(); int x = slots[0]; });
        a.join();
        c.join();
    }

    static void queue() throws Exception {
        BlockingQueue<Box> q = new ArrayBlockingQueue<>(1);
        start(() -> { Box b = new Box(); b.value = 9; q.add(b); });
        Box got = q.take();
        got.value++;
    }

    static void concurrentMap() throws Exception {
        Map<String, Box> m = new ConcurrentHashMap<>();
        start(() -> { Box b = new Box(); b.value = 9; m.put("k", b); });
        Box got;
        while ((got = m.get("k")) == null) Thread.onSpinWait();
        got.value++;
    }

    static void mapCompute() throws Exception {
        ConcurrentHashMap<String, Box> m = new ConcurrentHashMap<>();
        m.put("k", new Box());
        both(() -> { for (int i = 0; i < 20; i++) m.computeIfPresent("k", (k, b) -> { b.value++; return b; }); });
    }

    static void atomic() throws Exception {
        Box b = new Box();
        AtomicInteger ready = new AtomicInteger();
        start(() -> { b.value = 1; ready.set(1); });
        while (ready.get() == 0) Thread.onSpinWait();
        b.value++;
    }

    static final AtomicIntegerFieldUpdater<Box> FLAG = AtomicIntegerFieldUpdater.newUpdater(Box.class, "flag");

    static void fieldUpdater() throws Exception {
        Box b = new Box();
        start(() -> { b.value = 1; FLAG.compareAndSet(b, 0, 1); });
        while (FLAG.get(b) == 0) Thread.onSpinWait();
        b.value++;
    }

    static final VarHandle VH_FLAG;
    static {
        try {
            VH_FLAG = MethodHandles.lookup().findVarHandle(Box.class, "flag", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static void varHandle() throws Exception {
        Box b = new Box();
        start(() -> { b.value = 1; VH_FLAG.setRelease(b, 1); });
        while ((int) VH_FLAG.getAcquire(b) == 0) Thread.onSpinWait();
        b.value++;
    }

    static void executorGet() throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        Box b = new Box();
        b.value = 1;
        Future<Integer> f = ex.submit(() -> ++b.value);
        f.get();
        b.value++;
        Future<?> g = ex.submit(() -> { b.value++; });
        g.get();
        b.value++;
        ex.shutdown();
    }

    static void invokeAll() throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        int[] slots = new int[2];
        List<Callable<Integer>> tasks = List.of(() -> slots[0] = 1, () -> slots[1] = 2);
        ex.invokeAll(tasks);
        slots[0] += slots[1];
        ex.shutdown();
    }

    static void awaitTermination() throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        int[] slots = new int[2];
        ex.execute(() -> slots[0] = 1);
        ex.execute(() -> slots[1] = 1);
        ex.shutdown();
        if (!ex.awaitTermination(10, TimeUnit.SECONDS)) throw new AssertionError();
        slots[0] += slots[1];
    }

    static void virtualExecutorClose() throws Exception {
        int[] slots = new int[4];
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                int k = i;
                ex.submit(() -> slots[k] = k);
            }
        }
        int sum = 0;
        for (int s : slots) sum += s;
    }

    static void completableFuture() throws Exception {
        Box b = new Box();
        int v = CompletableFuture.supplyAsync(() -> { b.value = 1; return b; })
                .thenApplyAsync(x -> { x.value++; return x; })
                .thenApply(x -> x.value)
                .join();
        b.value += v;
        CompletableFuture<Box> cf = new CompletableFuture<>();
        start(() -> { Box c = new Box(); c.value = 4; cf.complete(c); });
        cf.get().value++;
        CompletableFuture<Void> all = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> b.guarded = 1), CompletableFuture.runAsync(() -> b.flag = 1));
        all.join();
        b.guarded++;
    }

    static void waitNotify() throws Exception {
        Box b = new Box();
        Object lock = new Object();
        boolean[] ready = new boolean[1];
        start(() -> { synchronized (lock) { b.value = 1; ready[0] = true; lock.notifyAll(); } });
        synchronized (lock) {
            while (!ready[0]) lock.wait();
        }
        b.value++;
    }

    static void condition() throws Exception {
        Box b = new Box();
        ReentrantLock lock = new ReentrantLock();
        Condition c = lock.newCondition();
        boolean[] ready = new boolean[1];
        start(() -> { lock.lock(); try { ready[0] = true; c.signal(); b.value = 1; } finally { lock.unlock(); } });
        lock.lock();
        try {
            while (!ready[0]) c.await();
        } finally {
            lock.unlock();
        }
        b.value++;
    }

    static class Config {
        static int[] table = new int[4];
        static int size;
        static {
            size = 4;
            for (int i = 0; i < 4; i++) table[i] = i;
        }
    }

    static void classInit() throws Exception {
        both(() -> { int x = Config.size + Config.table[2]; });
    }

    static void exchanger() throws Exception {
        Exchanger<Box> ex = new Exchanger<>();
        start(() -> { Box b = new Box(); b.value = 1; try { ex.exchange(b); } catch (InterruptedException e) { throw new RuntimeException(e); } });
        ex.exchange(null).value++;
    }

    static class Sum extends RecursiveTask<Integer> {
        final int[] data;
        final int lo;
        final int hi;

        Sum(int[] data, int lo, int hi) {
            this.data = data;
            this.lo = lo;
            this.hi = hi;
        }

        @Override protected Integer compute() {
            if (hi - lo <= 8) {
                int s = 0;
                for (int i = lo; i < hi; i++) { s += data[i]; data[i] = 0; }
                return s;
            }
            int mid = (lo + hi) / 2;
            Sum left = new Sum(data, lo, mid);
            left.fork();
            return new Sum(data, mid, hi).compute() + left.join();
        }
    }

    static void forkJoin() throws Exception {
        int[] data = new int[64];
        for (int i = 0; i < data.length; i++) data[i] = i;
        int s = ForkJoinPool.commonPool().invoke(new Sum(data, 0, data.length));
        data[0] = s;
    }

    static void builder() throws Exception {
        Box b = new Box();
        b.value = 1;
        Thread t = Thread.ofPlatform().name("built").start(() -> b.value++);
        t.join();
        Thread v = Thread.startVirtualThread(() -> b.value++);
        v.join();
        b.value++;
    }

    static void elements() throws Exception {
        int[] a = new int[2];
        Thread x = start(() -> a[0] = 1);
        Thread y = start(() -> a[1] = 1);
        x.join();
        y.join();
    }

    static class Sheep implements Cloneable {
        int wool;

        Sheep copy() {
            try {
                return (Sheep) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static void cloned() throws Exception {
        Sheep dolly = new Sheep();
        dolly.wool = 1;
        Sheep copy = dolly.copy();
        Thread x = start(() -> dolly.wool++);
        Thread y = start(() -> copy.wool++);
        x.join();
        y.join();
    }

    public static void main(String[] args) throws Exception {
        Scenario[] all = {NoRace::syncMethod, NoRace::syncBlock, NoRace::volatileFlag, NoRace::startJoin, NoRace::isAlive,
            NoRace::reentrantLock, NoRace::readWriteLock, NoRace::stampedLock, NoRace::semaphore, NoRace::latch,
            NoRace::barrier, NoRace::phaser, NoRace::queue, NoRace::concurrentMap, NoRace::mapCompute, NoRace::atomic,
            NoRace::fieldUpdater, NoRace::varHandle, NoRace::executorGet, NoRace::invokeAll, NoRace::awaitTermination,
            NoRace::virtualExecutorClose, NoRace::completableFuture, NoRace::waitNotify, NoRace::condition,
            NoRace::classInit, NoRace::exchanger, NoRace::forkJoin, NoRace::builder, NoRace::elements, NoRace::cloned};
        for (Scenario s : all) s.run();
        System.out.println("ran " + all.length);
    }
}
