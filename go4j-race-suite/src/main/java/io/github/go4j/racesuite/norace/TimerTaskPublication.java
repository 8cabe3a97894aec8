package io.github.go4j.racesuite.norace;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/** What the scheduler wrote before {@code Timer.schedule} is visible to the task; the task's result comes back through a latch. */
public final class TimerTaskPublication {
    private static int config;
    private static int result;

    public static void main(String[] args) throws InterruptedException {
        config = 5;
        CountDownLatch done = new CountDownLatch(1);
        Timer timer = new Timer(true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                result = config * 2;
                done.countDown();
            }
        }, 10);
        done.await();
        timer.cancel();
        System.out.println("result " + result);
    }
}
