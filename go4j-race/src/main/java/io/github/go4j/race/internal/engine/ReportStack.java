package io.github.go4j.race.internal.engine;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The current thread's stack as a race report shows it, the way Go trims its runtime's frames: the
 * program's frames first, go4j's own frames dropped, and a test runner's frames cut.
 *
 * <p>Dropped wherever they are: the agent's frames (classes from the agent's own code source, and the
 * {@code $race$} accessors it adds to application classes) and go4j-core's ({@link GoCore}: {@code Go.go},
 * the event SPI, a goroutine's entry). Cut: from the first (innermost) frame of a test runner — JUnit,
 * Maven's surefire, Gradle's test worker, TestNG, the IDEs' launchers — to the bottom of the stack, which
 * leaves the test method last; one line says how many frames were cut and whose they were,
 * {@code ... 48 frames of org.junit/surefire}. A stack made only of runner frames is not cut. At most
 * {@value #MAX_FRAMES} frames are kept, then one line says how many more there were.
 */
public final class ReportStack {
    /** Frames kept at most, besides the lines that say what was cut. */
    static final int MAX_FRAMES = 64;

    /** Test runners, by the package their frames' classes are in: the prefix, then the name a report gives. */
    private static final String[][] RUNNERS = {
            {"org.junit.", "org.junit"}, {"junit.", "junit"}, {"org.opentest4j.", "org.junit"},
            {"org.apache.maven.surefire.", "surefire"}, {"org.apache.maven.", "maven"},
            {"org.gradle.", "gradle"}, {"worker.org.gradle.", "gradle"}, {"org.testng.", "testng"},
            {"com.intellij.rt.", "intellij"}, {"org.eclipse.jdt.internal.junit", "eclipse"}};

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final GoCore CORE = new GoCore();
    private static final String AGENT = location(ReportStack.class);
    private static final ClassValue<Boolean> GO4J = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) {
            String here = location(type);
            boolean agent = AGENT != null ? AGENT.equals(here) : type.getName().startsWith("io.github.go4j.race.");
            return agent || CORE.contains(type);
        }
    };

    private ReportStack() {}

    /**
     * The current stack's report lines, innermost first: {@code com.acme.Counter.inc(Counter.java:12)}.
     *
     * @return the lines, frames and what-was-cut lines
     */
    public static List<String> current() {
        return WALKER.walk(ReportStack::lines);
    }

    private static List<String> lines(Stream<StackWalker.StackFrame> walk) {
        List<StackWalker.StackFrame> frames = walk.filter(f -> !isGo4j(f)).toList();
        int runnerAt = -1;
        for (int i = 0; i < frames.size() && runnerAt < 0; i++) {
            if (runner(frames.get(i).getClassName()) != null) runnerAt = i;
        }
        int kept = runnerAt > 0 ? runnerAt : frames.size();
        List<String> out = new ArrayList<>(Math.min(kept, MAX_FRAMES) + 2);
        for (int i = 0; i < Math.min(kept, MAX_FRAMES); i++) out.add(line(frames.get(i)));
        if (kept > MAX_FRAMES) out.add("... " + (kept - MAX_FRAMES) + " more frames");
        if (kept < frames.size()) {
            Set<String> runners = new LinkedHashSet<>();
            for (int i = kept; i < frames.size(); i++) {
                String r = runner(frames.get(i).getClassName());
                if (r != null) runners.add(r);
            }
            out.add("... " + (frames.size() - kept) + " frames of " + String.join("/", runners));
        }
        return out;
    }

    private static boolean isGo4j(StackWalker.StackFrame f) {
        return f.getMethodName().startsWith("$race$") || GO4J.get(f.getDeclaringClass());
    }

    /** The test runner whose frame this is, or null. */
    private static String runner(String className) {
        for (String[] r : RUNNERS) {
            if (className.startsWith(r[0])) return r[1];
        }
        return null;
    }

    private static String line(StackWalker.StackFrame f) {
        return f.getClassName() + "." + f.getMethodName() + "(" + (f.getFileName() == null ? "Unknown Source" : f.getFileName())
                + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "") + ")";
    }

    private static String location(Class<?> c) {
        CodeSource source = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? null : source.getLocation().toExternalForm();
    }
}
