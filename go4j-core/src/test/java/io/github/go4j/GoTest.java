package io.github.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.chan.Chan;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Go#go}, {@link Go#goid()} and panics: the handler, the default report, and go4j.panic=exit. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GoTest {

    @Test
    void goRunsTheTaskOnAVirtualThread() throws Exception {
        Chan<Thread> ran = Chan.make(1);
        Thread t = Go.go(() -> ran.send(Thread.currentThread()));
        assertTrue(t.isVirtual());
        assertSame(t, ran.recv());
        t.join();
        assertFalse(t.isAlive());
    }

    @Test
    void goRejectsANullTask() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Go.go(null));
        assertTrue(String.valueOf(e.getMessage()).contains("task"), e.getMessage());
    }

    @Test
    void writesBeforeGoAreSeenByTheGoroutine() throws Exception {
        for (int i = 0; i < 1000; i++) {
            int[] plain = {i};
            Chan<Integer> seen = Chan.make(1);
            Go.go(() -> seen.send(plain[0]));
            assertEquals(i, seen.recv());
        }
    }

    @Test
    void goidIsStableUniqueAndTheThreadId() throws Exception {
        final int n = 1000;
        ConcurrentLinkedQueue<long[]> ids = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(Go.go(() -> {
                long first = Go.goid();
                Thread.yield();
                ids.add(new long[] {first, Go.goid(), Thread.currentThread().threadId()});
            }));
        }
        for (Thread t : threads) t.join();
        Set<Long> distinct = new HashSet<>();
        for (long[] id : ids) {
            assertEquals(id[0], id[1], "goid changed within a goroutine");
            assertEquals(id[2], id[0], "goid is the thread id");
            assertTrue(id[0] > 0);
            distinct.add(id[0]);
        }
        assertEquals(n, distinct.size(), "goids are not unique");
        assertEquals(Thread.currentThread().threadId(), Go.goid(), "goid works on any thread");
    }

    @Test
    void aPanicGoesToTheInstalledHandler() throws Exception {
        ConcurrentLinkedQueue<Object[]> seen = new ConcurrentLinkedQueue<>();
        PanicHandler mine = (thread, goid, panic) -> seen.add(new Object[] {thread, goid, panic, Thread.currentThread()});
        PanicHandler previous = Go.setPanicHandler(mine);
        try {
            IllegalStateException boom = new IllegalStateException("boom");
            Thread t = Go.go(() -> {
                throw boom;
            });
            t.join();
            Thread checked = Go.go(() -> {
                throw new IOException("checked");
            });
            checked.join();
            Thread fine = Go.go(() -> {});
            fine.join();
            assertEquals(2, seen.size(), "one report per panic, none for a goroutine that returned");
            Object[] first = seen.stream().filter(r -> r[0] == t).findFirst().orElseThrow();
            assertEquals(t.threadId(), (long) first[1]);
            assertSame(boom, first[2]);
            assertSame(t, first[3], "the handler runs on the goroutine that panicked");
            Object[] second = seen.stream().filter(r -> r[0] == checked).findFirst().orElseThrow();
            assertInstanceOf(IOException.class, second[2]);
        } finally {
            assertSame(mine, Go.setPanicHandler(previous), "setPanicHandler returns the previous handler");
        }
    }

    @Test
    void aNullHandlerRestoresTheDefault() {
        PanicHandler previous = Go.setPanicHandler((t, id, p) -> {});
        try {
            Go.setPanicHandler(null);
            PanicHandler now = Go.setPanicHandler(previous);
            assertSame(Go.defaultPanicHandler(), now);
            previous = null;
        } finally {
            if (previous != null) Go.setPanicHandler(previous);
        }
    }

    @Test
    void theDefaultHandlerPrintsPanicWithTheGoroutineIdAndStack() throws Exception {
        assertNotEquals("exit", System.getProperty("go4j.panic"), "this JVM must not exit on panic");
        String err = captureStderr(() -> {
            PanicHandler previous = Go.setPanicHandler(null);
            try {
                Thread t = Go.go(() -> {
                    throw new IllegalStateException("boom for the default handler");
                });
                t.join();
                return "goroutine " + t.threadId() + " ";
            } finally {
                Go.setPanicHandler(previous);
            }
        });
        String[] parts = err.split("\u0000", 2);
        String goroutine = parts[0];
        String printed = parts[1];
        assertTrue(printed.contains("panic: java.lang.IllegalStateException: boom for the default handler"), printed);
        assertTrue(printed.contains(goroutine), "no '" + goroutine + "' in: " + printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("\t") && l.contains("GoTest")),
                "no stack frame of the panicking goroutine in: " + printed);
    }

    @Test
    void aHandlerThatThrowsFallsBackToTheDefault() throws Exception {
        String err = captureStderr(() -> {
            PanicHandler previous = Go.setPanicHandler((t, id, p) -> {
                throw new IllegalArgumentException("handler broke");
            });
            try {
                Go.go(() -> {
                    throw new IllegalStateException("original panic");
                }).join();
                return "";
            } finally {
                Go.setPanicHandler(previous);
            }
        });
        assertTrue(err.contains("panic: java.lang.IllegalStateException: original panic"), err);
        assertTrue(err.contains("handler broke"), "the handler's failure is reported too: " + err);
    }

    @FunctionalInterface
    private interface Capture {
        String run() throws Exception;
    }

    /** Runs {@code body} with System.err captured; returns body's result, NUL, then what was printed. */
    private static String captureStderr(Capture body) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String result;
        System.setErr(capture);
        try {
            result = body.run();
        } finally {
            System.setErr(original);
        }
        return result + "\u0000" + bytes.toString(StandardCharsets.UTF_8);
    }

    // ---- go4j.panic=exit, in a child JVM ----

    @Test
    void panicExitMakesTheProcessExitWithStatus2() throws Exception {
        ChildResult r = runChild(true);
        assertEquals(2, r.status, "exit status; stderr:\n" + r.stderr);
        assertTrue(r.stderr.contains("panic: java.lang.IllegalStateException: boom from the child"), r.stderr);
        assertTrue(r.stderr.contains("goroutine "), r.stderr);
        assertFalse(r.stdout.contains("still running"), "the process went on after the panic: " + r.stdout);
    }

    @Test
    void withoutPanicExitTheProcessGoesOn() throws Exception {
        ChildResult r = runChild(false);
        assertEquals(0, r.status, "exit status; stderr:\n" + r.stderr);
        assertTrue(r.stderr.contains("panic: java.lang.IllegalStateException: boom from the child"), r.stderr);
        assertTrue(r.stdout.contains("still running"), r.stdout);
    }

    private record ChildResult(int status, String stdout, String stderr) {}

    private static ChildResult runChild(boolean exitOnPanic) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Set<String> cp = new LinkedHashSet<>();
        cp.add(root(PanicExitMain.class));
        cp.add(root(Go.class));
        for (String p : new String[] {System.getProperty("jdk.module.path"), System.getProperty("java.class.path")}) {
            if (p != null && !p.isEmpty()) cp.add(p);
        }
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-cp", String.join(File.pathSeparator, cp)));
        if (exitOnPanic) cmd.add("-Dgo4j.panic=exit");
        cmd.add(PanicExitMain.class.getName());
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Thread o = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
        Thread e = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        if (!p.waitFor(45, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not end: " + cmd);
        }
        o.join();
        e.join();
        return new ChildResult(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(java.io.InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the child ended
        }
    }

    /** The class-path root (directory or jar) a class was loaded from. */
    private static String root(Class<?> c) throws Exception {
        String name = c.getName().replace('.', '/') + ".class";
        URL url = c.getClassLoader() == null ? null : c.getClassLoader().getResource(name);
        if (url == null) url = c.getResource(c.getSimpleName() + ".class");
        String s = url.toString();
        if (s.startsWith("jar:")) {
            return Path.of(URI.create(s.substring(4, s.indexOf("!/")))).toString();
        }
        String dir = s.substring(0, s.length() - name.length());
        return Path.of(URI.create(dir)).toString();
    }
}
