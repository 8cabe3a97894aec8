package racefixtures;

import java.util.ArrayList;
import java.util.List;

/**
 * A million virtual threads, a thousand at a time, each writing its own array element and reading
 * what the parent wrote before starting it: no race, and the detector's thread slots must be reused
 * for this to run at all. The argument overrides the number of threads.
 */
public class MillionThreads {
    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = 1000;
        int[] slots = new int[batch];
        int[] input = new int[batch];
        long sum = 0;
        for (int round = 0; round < total / batch; round++) {
            List<Thread> threads = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                int k = i;
                input[k] = round;
                threads.add(Thread.ofVirtual().start(() -> slots[k] = input[k] + 1));
            }
            for (Thread t : threads) t.join();
            for (int s : slots) sum += s;
        }
        System.out.println("sum " + sum);
    }
}
