package io.github.go4j.examples;

import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;

/**
 * A select with a default ({@link Case#otherwise}) never blocks: when no case is ready at that instant, the
 * default runs. That gives non-blocking receives and sends, and multi-way ones. {@code trySend} and
 * {@code tryRecv} are the one-channel forms.
 */
public final class SelectDefault implements Example {

    /** The example, ready to {@link #run()}. */
    public SelectDefault() {}

    @Override
    public String name() {
        return "non-blocking";
    }

    @Override
    public String title() {
        return "Select with a default: non-blocking send and receive";
    }

    @Override
    public void run() throws InterruptedException {
        Chan<String> messages = Chan.make();
        Chan<Boolean> signals = Chan.make();

        System.out.println(Select.select(
                Case.recv(messages, m -> "received " + m),
                Case.otherwise(() -> "no message waiting")));
        System.out.println(Select.select(
                Case.send(messages, "hi", () -> "sent hi"),
                Case.otherwise(() -> "no receiver ready on an unbuffered channel: hi not sent")));
        System.out.println(Select.select(
                Case.recv(messages, m -> "received message " + m),
                Case.recv(signals, s -> "received signal " + s),
                Case.otherwise(() -> "no activity on either channel")));

        Chan<String> mailbox = Chan.make(1);
        System.out.println(Select.select(
                Case.send(mailbox, "first", () -> "mailbox had room: sent first"),
                Case.otherwise(() -> "mailbox full")));
        System.out.println(Select.select(
                Case.send(mailbox, "second", () -> "sent second"),
                Case.otherwise(() -> "mailbox full: second dropped")));
        System.out.println(Select.select(
                Case.recv(mailbox, m -> "received " + m),
                Case.otherwise(() -> "mailbox empty")));

        System.out.println("trySend(\"third\") = " + mailbox.trySend("third"));
        System.out.println("tryRecv() = " + mailbox.tryRecv());
        System.out.println("tryRecv() on the empty mailbox = " + mailbox.tryRecv());
    }
}
