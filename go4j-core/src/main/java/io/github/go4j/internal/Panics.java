package io.github.go4j.internal;

import io.github.go4j.PanicHandler;
import java.io.PrintStream;

/** The one place panics go through: the installed handler, and the default that prints like Go. */
public final class Panics {
    private Panics() {}

    /** Prints {@code panic: <exception>} and the goroutine's stack; exits 2 when {@code go4j.panic=exit}. */
    public static final PanicHandler DEFAULT = (thread, goid, panic) -> {
        PrintStream err = System.err;
        StringBuilder sb = new StringBuilder(256);
        sb.append("panic: ").append(panic).append("\n\ngoroutine ").append(goid).append(" [running]:\n");
        appendStack(sb, panic, "");
        synchronized (err) {
            err.print(sb);
            err.flush();
        }
        if ("exit".equals(System.getProperty("go4j.panic"))) {
            Runtime.getRuntime().exit(2);
        }
    };

    private static volatile PanicHandler handler = DEFAULT;

    public static PanicHandler setHandler(PanicHandler h) {
        PanicHandler previous = handler;
        handler = h == null ? DEFAULT : h;
        return previous;
    }

    /** Hands a panic of {@code thread} to the installed handler; a handler that throws falls back to the default. */
    public static void report(Thread thread, Throwable panic) {
        PanicHandler h = handler;
        try {
            h.panicked(thread, thread.threadId(), panic);
        } catch (Throwable handlerFailure) {
            if (h != DEFAULT) {
                panic.addSuppressed(handlerFailure);
                DEFAULT.panicked(thread, thread.threadId(), panic);
            }
        }
    }

    private static void appendStack(StringBuilder sb, Throwable t, String caption) {
        if (!caption.isEmpty()) sb.append(caption).append(t).append('\n');
        for (StackTraceElement e : t.getStackTrace()) sb.append("\t").append(e).append('\n');
        for (Throwable s : t.getSuppressed()) appendStack(sb, s, "Suppressed: ");
        if (t.getCause() != null && t.getCause() != t) appendStack(sb, t.getCause(), "Caused by: ");
    }
}
