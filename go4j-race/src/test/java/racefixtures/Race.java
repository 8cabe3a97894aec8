package racefixtures;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Programs with one data race each (the classic mistakes); every scenario's racing accesses are in a
 * method named after it, so a test can check that each was reported.
 */
public class Race {
    static class Box {
        int value;
        volatile int flag;
        boolean plainFlag;
    }

    interface Scenario {
        void run() throws Exception;
    }

    static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    static int shared;

    static void counterWork() {
        for (int i = 0; i < 10; i++) shared++;
    }

    static void counter() throws Exception {
        Thread a = start(Race::counterWork);
        Thread b = start(Race::counterWork);
        a.join();
        b.join();
    }

    static void sleepWriter(Box b) {
        b.value = 1;
    }

    static void sleepAsSync() throws Exception {
        Box b = new Box();
        Thread t = start(() -> sleepWriter(b));
        Thread.sleep(50);
        int v = b.value;
        t.join();
    }

    static void twoMonitorsWork(Box b, Object lock) {
        synchronized (lock) {
            b.value++;
        }
    }

    static void twoMonitors() throws Exception {
        Box b = new Box();
        Thread x = start(() -> twoMonitorsWork(b, new Object()));
        Thread y = start(() -> twoMonitorsWork(b, new Object()));
        x.join();
        y.join();
    }

    static void volatileFirstWriter(Box b) {
        b.flag = 1;
        b.value = 42;
    }

    static void volatileBeforeData() throws Exception {
        Box b = new Box();
        Thread t = start(() -> volatileFirstWriter(b));
        while (b.flag == 0) Thread.onSpinWait();
        int v = b.value;
        t.join();
    }

    static class Lazy {
        int payload = 1;
    }

    static Lazy instance;
    static final Object LOCK = new Object();

    static Lazy dclGet() {
        if (instance == null) {
            synchronized (LOCK) {
                if (instance == null) instance = new Lazy();
            }
        }
        return instance;
    }

    static void doubleCheckedLocking() throws Exception {
        Thread a = start(() -> dclGet());
        Thread b = start(() -> dclGet());
        a.join();
        b.join();
    }

    static Box published;

    static void publishWriter() {
        Box b = new Box();
        b.value = 7;
        published = b;
    }

    static void publication() throws Exception {
        Thread t = start(Race::publishWriter);
        Box got;
        while ((got = published) == null) Thread.sleep(1);
        int v = got.value;
        t.join();
    }

    static void elementWork(int[] a) {
        a[3]++;
    }

    static void arrayElement() throws Exception {
        int[] a = new int[8];
        Thread x = start(() -> elementWork(a));
        Thread y = start(() -> elementWork(a));
        x.join();
        y.join();
    }

    static java.util.Map<String, String> cache = new java.util.HashMap<>();

    static String checkThenActGet(String k) {
        if (!cache.containsKey(k)) cache.put(k, k + "!");
        return cache.get(k);
    }

    static void checkThenAct() throws Exception {
        Box b = new Box();
        Thread x = start(() -> { if (b.value == 0) b.value = 1; });
        Thread y = start(() -> { if (b.value == 0) b.value = 2; });
        x.join();
        y.join();
    }

    static void spinWriter(Box b) {
        b.value = 5;
        b.plainFlag = true;
    }

    static void busyWait() throws Exception {
        Box b = new Box();
        Thread t = start(() -> spinWriter(b));
        for (int i = 0; i < 200 && !b.plainFlag; i++) Thread.sleep(1);
        int v = b.value;
        t.join();
    }

    static void atomicReadsWriter(Box b, AtomicInteger a) {
        b.value = 1;
        a.get();
    }

    static void atomicReadsOnly() throws Exception {
        Box b = new Box();
        AtomicInteger a = new AtomicInteger();
        Thread t = start(() -> atomicReadsWriter(b, a));
        Thread.sleep(20);
        a.get();
        int v = b.value;
        t.join();
    }

    static void parkWriter(Box b, Thread main) {
        b.value = 1;
        LockSupport.unpark(main);
    }

    static void parkUnpark() throws Exception {
        Box b = new Box();
        Thread main = Thread.currentThread();
        Thread t = start(() -> parkWriter(b, main));
        LockSupport.parkNanos(200_000_000L);
        int v = b.value;
        t.join();
    }

    static void executorTask(Box b) {
        b.value = 1;
    }

    static void executorNoGet() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        Box b = new Box();
        ex.submit(() -> executorTask(b));
        Thread.sleep(20);
        int v = b.value;
        ex.shutdown();
    }

    public static void main(String[] args) throws Exception {
        Scenario[] all = {Race::counter, Race::sleepAsSync, Race::twoMonitors, Race::volatileBeforeData,
            Race::doubleCheckedLocking, Race::publication, Race::arrayElement, Race::checkThenAct, Race::busyWait,
            Race::atomicReadsOnly, Race::parkUnpark, Race::executorNoGet};
        int from = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int to = args.length > 1 ? Integer.parseInt(args[1]) : all.length;
        for (int i = from; i < to; i++) all[i].run();
        System.out.println("ran " + (to - from));
    }
}
