package racefixtures;

/** counter++ from two threads with nothing ordering them: RACE. */
public class RacyCounter {
    static int count;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(RacyCounter::work, "worker-a");
        Thread b = new Thread(RacyCounter::work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("done " + (count > 0));
    }

    static void work() {
        for (int i = 0; i < 1000; i++) count++;
    }
}
