package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.SendChan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A producer, three workers and a collector, each stage ending when its input is closed and drained. The
 * producer closes {@code tasks} when it has sent them all; each worker ranges over {@code tasks} and says
 * on {@code finished} when its range ends; a closer goroutine receives three such words, then closes
 * {@code results}; main ranges over {@code results}. No task is lost or done twice, whichever worker
 * takes it, and every worker's writes to a result are visible to main (a send happens-before the receive
 * that gets it).
 */
public final class Workers implements Example {

    private static final int TASKS = 10;
    private static final int WORKERS = 3;

    private record Task(int id, String data) {}

    private record Result(int taskId, String output, int worker) {}

    /** The example, ready to {@link #run()}. */
    public Workers() {}

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public String title() {
        return "Workers: a producer, three workers and a collector, shut down by close";
    }

    @Override
    public void run() throws InterruptedException {
        Chan<Task> tasks = Chan.make(5);
        Chan<Result> results = Chan.make(5);
        Chan<Integer> finished = Chan.make(WORKERS);
        List<Thread> goroutines = new ArrayList<>();

        goroutines.add(Go.go(() -> produce(tasks)));
        for (int w = 1; w <= WORKERS; w++) {
            int worker = w;
            goroutines.add(Go.go(() -> work(worker, tasks, results, finished)));
        }
        goroutines.add(Go.go(() -> {
            for (int i = 0; i < WORKERS; i++) finished.recv();
            results.close(); // every worker is done sending: no more results
        }));

        List<Result> collected = new ArrayList<>();
        for (Result r : results) collected.add(r);
        for (Thread g : goroutines) g.join();

        collected.sort(Comparator.comparingInt(Result::taskId));
        for (Result r : collected) System.out.println("task " + r.taskId() + " -> " + r.output());
        long workersUsed = collected.stream().mapToInt(Result::worker).distinct().count();
        System.out.println(collected.size() + " tasks processed, each exactly once, by "
                + (workersUsed <= WORKERS ? "at most " + WORKERS : "too many") + " workers");
    }

    private static void produce(SendChan<Task> tasks) throws InterruptedException {
        try {
            for (int i = 1; i <= TASKS; i++) tasks.send(new Task(i, "task-" + i));
        } finally {
            tasks.close();
        }
    }

    private static void work(int worker, RecvChan<Task> tasks, SendChan<Result> results, SendChan<Integer> finished)
            throws InterruptedException {
        for (Task task : tasks) {
            results.send(new Result(task.id(), "processed-" + task.data(), worker));
        }
        finished.send(worker);
    }
}
