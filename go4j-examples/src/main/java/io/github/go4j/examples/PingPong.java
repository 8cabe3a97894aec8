package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.SendChan;

/**
 * Two players hit a ball back and forth over two unbuffered channels; after ten hits the player holding the
 * ball hands it to main instead. Each hit is printed by the goroutine that made it, and the output is still
 * in order: a print happens-before the send that passes the ball on, which happens-before the receive
 * that lets the other player print.
 */
public final class PingPong implements Example {

    private static final int HITS = 10;

    /** The ball: how many times it has been hit. */
    private record Ball(int hits) {}

    /** The example, ready to {@link #run()}. */
    public PingPong() {}

    @Override
    public String name() {
        return "ping-pong";
    }

    @Override
    public String title() {
        return "Ping-pong: two goroutines pass a ball over unbuffered channels";
    }

    @Override
    public void run() throws InterruptedException {
        Chan<Ball> toPing = Chan.make();
        Chan<Ball> toPong = Chan.make();
        Chan<Ball> toMain = Chan.make();
        Thread ping = Go.go(() -> play("ping", toPing, toPong, toMain));
        Thread pong = Go.go(() -> play("pong", toPong, toPing, toMain));

        toPing.send(new Ball(0)); // serve
        Ball ball = toMain.recv();
        System.out.println("main caught the ball after " + ball.hits() + " hits");

        toPing.close(); // game over: each player's range loop ends
        toPong.close();
        ping.join();
        pong.join();
    }

    private static void play(String name, RecvChan<Ball> mine, SendChan<Ball> other, SendChan<Ball> main)
            throws InterruptedException {
        for (Ball ball : mine) {
            Ball hit = new Ball(ball.hits() + 1);
            System.out.println(name + " " + hit.hits());
            (hit.hits() == HITS ? main : other).send(hit);
        }
    }
}
