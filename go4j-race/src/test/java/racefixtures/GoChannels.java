package racefixtures;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/**
 * go4j's channels through the event SPI. With argument {@code norace}: data written before a send is
 * read after the receive, on an unbuffered and a buffered channel, and a close is observed. With
 * {@code race}: the goroutine writes after its send, so the receiver's read is unordered.
 */
public class GoChannels {
    static class Box {
        int value;
    }

    static void afterSend(Box b) {
        b.value = 2;
    }

    public static void main(String[] args) throws Exception {
        boolean race = args.length > 0 && args[0].equals("race");
        Box b = new Box();
        Chan<Box> unbuffered = Chan.make();
        Chan<Box> buffered = Chan.make(4);
        Chan<Boolean> done = Chan.make();
        Go.go(() -> {
            b.value = 1;
            unbuffered.send(b);
            if (race) afterSend(b);
            buffered.send(b);
            done.close();
        });
        Box got = unbuffered.recv();
        if (race) {
            int seen = got.value;
        } else {
            got.value++;
        }
        buffered.recv();
        done.recvOk();
        if (race) {
            Box c = new Box();
            Go.go(() -> afterSend(c));
            Thread.sleep(20);
            int v = c.value;
        } else {
            b.value++;
        }
        System.out.println("ok");
    }
}
