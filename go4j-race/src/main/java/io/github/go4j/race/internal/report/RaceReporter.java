package io.github.go4j.race.internal.report;

import io.github.go4j.race.internal.engine.CodeSites;
import io.github.go4j.race.internal.engine.Epochs;
import io.github.go4j.race.internal.engine.RaceObserver;
import io.github.go4j.race.internal.engine.ReportStack;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns each conflict into a report in Go's format, once per pair of code sites, and counts them.
 *
 * <p>A conflict whose earlier access's site is unknown (overwritten at the same instant, see the engine) is
 * the same race seen without its partner: it is reported only when no report has named its code location
 * yet, and once a location was reported against an unknown partner, that location racing with itself
 * ({@code x++} against {@code x++}) is not reported again. So a race is one report however its accesses
 * interleave.
 *
 * <p>Reports are written whole under this reporter's monitor (a leaf lock: it runs no application
 * code; listeners are called after it is released).
 */
public final class RaceReporter implements RaceObserver {
    private static final String RULE = "==================";

    private final PrintStream out;
    private final boolean haltOnError;
    private final int exitCode;
    private final Set<String> reportedPairs = ConcurrentHashMap.newKeySet();
    /** Every code location that a report has named, on either side. */
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    /** The code locations reported against a previous access of unknown site. */
    private final Set<String> reportedAgainstUnknown = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public RaceReporter(PrintStream out, boolean haltOnError, int exitCode) {
        this.out = out;
        this.haltOnError = haltOnError;
        this.exitCode = exitCode;
    }

    public int count() {
        return count.get();
    }

    public PrintStream out() {
        return out;
    }

    /** Calls {@code l} with the text of every later report; closing the result stops it. */
    public AutoCloseable addListener(Consumer<String> l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    @Override
    public void race(ThreadClock t, int site, boolean write, long prevStamp, int prevSite, boolean prevWrite,
                     Object array, int index) {
        if (!firstReportOf(site, prevSite)) return;
        String text = format(t, site, write, prevStamp, prevSite, prevWrite, array, index);
        synchronized (this) {
            out.print(text);
            out.flush();
        }
        count.incrementAndGet();
        for (Consumer<String> l : listeners) {
            try {
                l.accept(text);
            } catch (RuntimeException e) {
                // a listener's failure must not change the program
            }
        }
        if (haltOnError) {
            synchronized (this) {
                out.println("Found 1 data race(s)");
                out.flush();
            }
            Runtime.getRuntime().halt(exitCode);
        }
    }

    /** Whether the conflict of {@code site} with {@code prevSite} (negative: unknown) is one not yet reported. */
    private boolean firstReportOf(int site, int prevSite) {
        String here = location(site);
        if (prevSite < 0) {
            if (named.contains(here) || !reportedPairs.add(here + "|?")) return false;
            reportedAgainstUnknown.add(here);
            named.add(here);
            return true;
        }
        String before = location(prevSite);
        if (here.equals(before) && reportedAgainstUnknown.contains(here)) return false;
        if (!reportedPairs.add(pairKey(site, prevSite))) return false;
        named.add(here);
        named.add(before);
        return true;
    }

    /** The two code locations (class, method, line) as one key, in either order: {@code x++} is one location. */
    private static String pairKey(int site, int prevSite) {
        String a = location(site);
        String b = location(prevSite);
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private static String location(int site) {
        CodeSites.Site s = CodeSites.get(site);
        return s == null ? "#" + site : s.frame();
    }

    private String format(ThreadClock t, int site, boolean write, long prevStamp, int prevSite, boolean prevWrite,
                          Object array, int index) {
        String what = target(site, array, index);
        StringBuilder b = new StringBuilder(1024);
        b.append(RULE).append('\n').append("WARNING: DATA RACE").append('\n');
        b.append(write ? "Write" : "Read").append(" at ").append(what).append(" by ").append(describe(t)).append(":\n");
        for (String f : ReportStack.current()) b.append("  ").append(f).append('\n');
        ThreadClock prev = Threads.whoDid(prevStamp);
        String prevWhat = target(prevSite < 0 ? site : prevSite, array, index); // one variable: the same target
        b.append("Previous ").append(prevWrite ? "write" : "read").append(" at ").append(prevWhat).append(" by ")
                .append(prev == null ? "goroutine ? (slot " + Epochs.tid(prevStamp) + ")" : describe(prev)).append(":\n");
        List<String> prevStack = CodeSites.stack(prevSite);
        CodeSites.Site ps = CodeSites.get(prevSite);
        if (prevStack != null && !prevStack.isEmpty()) {
            if (ps != null && !prevStack.getFirst().equals(ps.frame())) b.append("  ").append(ps.frame()).append('\n');
            for (String f : prevStack) b.append("  ").append(f).append('\n');
        } else if (ps != null) {
            b.append("  ").append(ps.frame()).append('\n');
        } else if (prevSite < 0) {
            b.append("  (code location unknown: another access to the variable overwrote it at the same moment)\n");
        }
        creation(b, t);
        if (prev != null && prev != t) creation(b, prev);
        b.append(RULE).append('\n');
        return b.toString();
    }

    private static String target(int site, Object array, int index) {
        if (array != null) {
            String type = array.getClass().getComponentType().getName();
            return type + "[" + java.lang.reflect.Array.getLength(array) + "]@"
                    + Integer.toHexString(System.identityHashCode(array)) + " element " + index;
        }
        CodeSites.Site s = CodeSites.get(site);
        return s == null || s.what() == null ? "?" : s.what();
    }

    private static String describe(ThreadClock c) {
        String kind = c.isVirtual() ? "virtual thread" : "thread";
        String name = c.name();
        return "goroutine " + c.goid + " (" + kind + (name == null || name.isEmpty() ? "" : " \"" + name + "\"") + ")";
    }

    private static void creation(StringBuilder b, ThreadClock c) {
        b.append("Goroutine ").append(c.goid).append(c.isRunning() ? " (running)" : " (finished)").append(" created at:\n");
        int site = c.createdAtSite();
        CodeSites.Site s = CodeSites.get(site);
        List<String> stack = c.creationStack() != null ? c.creationStack() : CodeSites.stack(site);
        if (stack != null && !stack.isEmpty()) {
            for (String f : stack) b.append("  ").append(f).append('\n');
        } else if (s != null) {
            b.append("  ").append(s.frame()).append('\n');
        } else {
            b.append("  (started by the JVM or by code that is not instrumented)\n");
        }
    }
}
