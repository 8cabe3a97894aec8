package io.github.go4j.racesuite;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a program's {@code main} so that a failure in any of its threads is seen in the exit status:
 * {@code java ... io.github.go4j.racesuite.Launch MAIN [args]}. An exception that escapes a thread other
 * than main (a failed self-check in a worker, say) is printed as the JVM would print it, and after
 * {@code main} returns the process exits 1; otherwise the exit status is the program's own.
 */
public final class Launch {

    private Launch() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: Launch MAIN-CLASS [args...]");
            System.exit(2);
        }
        AtomicReference<Throwable> firstUncaught = new AtomicReference<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            firstUncaught.compareAndSet(null, e);
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
        });
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (firstUncaught.get() != null) {
            System.exit(1);
        }
    }
}
