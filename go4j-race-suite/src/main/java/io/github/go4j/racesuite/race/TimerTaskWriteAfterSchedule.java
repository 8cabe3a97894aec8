package io.github.go4j.racesuite.race;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/** The scheduler changes the task's input after {@code Timer.schedule}: that write races with the task's read. */
public final class TimerTaskWriteAfterSchedule {
    private static int config;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        int[] seen = new int[1];
        Timer timer = new Timer(true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                seen[0] = config;
                done.countDown();
            }
        }, 20);
        config = 5;
        done.await();
        timer.cancel();
        System.out.println("seen " + seen[0]);
    }
}
