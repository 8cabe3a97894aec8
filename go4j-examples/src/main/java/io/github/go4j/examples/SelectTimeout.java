package io.github.go4j.examples;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.Select;
import java.time.Duration;

/**
 * The timeout pattern: a select between the answer and {@link Case#after}. The call runs on its own
 * goroutine and answers on a channel with room for one value, so that when nobody waits for the answer any
 * more the goroutine can still send it and end (with an unbuffered channel it would block forever: a leak).
 */
public final class SelectTimeout implements Example {

    /** The example, ready to {@link #run()}. */
    public SelectTimeout() {}

    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public String title() {
        return "Select with a timeout: Case.after";
    }

    @Override
    public void run() throws InterruptedException {
        RecvChan<String> fast = call("the fast service", Duration.ZERO);
        System.out.println(Select.select(
                Case.recv(fast, answer -> "within 2 s: " + answer),
                Case.after(Duration.ofSeconds(2), () -> "timed out after 2 s")));

        RecvChan<String> slow = call("the slow service", Duration.ofMillis(500));
        System.out.println(Select.select(
                Case.recv(slow, answer -> "within 50 ms: " + answer),
                Case.after(Duration.ofMillis(50), () -> "timed out after 50 ms waiting for the slow service")));

        System.out.println("its answer still lands in the channel's one slot, so its goroutine ends: " + slow.recv());
    }

    /** Starts a call that answers after {@code latency} on the returned channel (capacity 1). */
    static RecvChan<String> call(String service, Duration latency) {
        Chan<String> answer = Chan.make(1);
        Go.go(() -> {
            Thread.sleep(latency);
            answer.send(service + " answered");
        });
        return answer;
    }
}
