package io.github.go4j.race.internal.engine;

import java.util.List;

/**
 * The code locations the instrumentation rewrote (an access, a thread start), by id, and for each
 * the stack of its first execution that went past the same-epoch check, kept for reports ("Previous
 * write at ..." and "created at").
 *
 * <p>Implementation note. Ids are allocated in sequence at instrumentation time; entries live in
 * fixed-size chunks published through a volatile array, so a lookup is two plain loads. At most
 * {@code stackLimit} stacks are kept (the {@code history_size} option); a site past it reports its own
 * location only. A stack is captured ({@link ReportStack}) once per site, never per access.
 */
public final class CodeSites {
    /** One rewritten instruction: where it is and what it touches ("com.acme.Counter.count"). */
    public record Site(String className, String method, String file, int line, String what) {
        /** As a stack frame line: {@code com.acme.Counter.inc(Counter.java:12)}. */
        public String frame() {
            return className + "." + method + "(" + (file == null ? "Unknown Source" : file) + (line > 0 ? ":" + line : "") + ")";
        }
    }

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final Object LOCK = new Object();
    private static volatile Site[][] sites = new Site[1][CHUNK];
    private static volatile List<String>[][] stacks = newStackChunks(1);
    private static int count;
    private static volatile int stackLimit = 8192;
    private static int stacksKept;

    private CodeSites() {}

    @SuppressWarnings("unchecked")
    private static List<String>[][] newStackChunks(int n) {
        return new List[n][];
    }

    /** Keeps previous-access stacks for at most {@code limit} sites (0: none). */
    public static void limitStacks(int limit) {
        stackLimit = limit;
    }

    /** Registers a site; returns its id. */
    public static int register(String className, String method, String file, int line, String what) {
        synchronized (LOCK) {
            int id = count++;
            Site[][] s = sites;
            int chunk = id >>> CHUNK_BITS;
            if (chunk >= s.length) {
                Site[][] grown = java.util.Arrays.copyOf(s, s.length * 2);
                List<String>[][] st = java.util.Arrays.copyOf(stacks, grown.length);
                for (int i = s.length; i < grown.length; i++) grown[i] = new Site[CHUNK];
                stacks = st;
                sites = grown;
                s = grown;
            }
            s[chunk][id & (CHUNK - 1)] = new Site(className, method, file, line, what);
            return id;
        }
    }

    /** The site {@code id}, or null. */
    public static Site get(int id) {
        Site[][] s = sites;
        int chunk = id >>> CHUNK_BITS;
        return id < 0 || chunk >= s.length ? null : s[chunk][id & (CHUNK - 1)];
    }

    /** The kept stack of the site's first execution, or null. */
    public static List<String> stack(int id) {
        List<String>[][] st = stacks;
        int chunk = id >>> CHUNK_BITS;
        if (id < 0 || chunk >= st.length || st[chunk] == null) return null;
        return st[chunk][id & (CHUNK - 1)];
    }

    /** Called beside a site's execution: keeps its stack the first time. */
    public static void seen(int id) {
        List<String>[][] st = stacks;
        int chunk = id >>> CHUNK_BITS;
        if (id < 0 || chunk >= st.length) return;
        List<String>[] c = st[chunk];
        if (c != null && c[id & (CHUNK - 1)] != null) return;
        keep(id);
    }

    private static void keep(int id) {
        if (stacksKept >= stackLimit) return;
        List<String> frames = ReportStack.current();
        synchronized (LOCK) {
            if (stacksKept >= stackLimit) return;
            List<String>[][] st = stacks;
            int chunk = id >>> CHUNK_BITS;
            @SuppressWarnings("unchecked")
            List<String>[] c = st[chunk] == null ? (st[chunk] = new List[CHUNK]) : st[chunk];
            if (c[id & (CHUNK - 1)] == null) {
                c[id & (CHUNK - 1)] = frames;
                stacksKept++;
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger CREATION_STACKS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The current stack for a thread being created, while the budget lasts ({@code stackLimit} threads:
     * a stack costs microseconds, and a program may start millions of threads); then null, and a
     * report shows the creating site's first stack instead.
     */
    public static List<String> creationStack() {
        if (CREATION_STACKS.get() >= stackLimit || CREATION_STACKS.incrementAndGet() > stackLimit) return null;
        return ReportStack.current();
    }
}
