package racefixtures;

/**
 * A race, then an exit chosen by the argument: {@code return} (status 0, so the detector's 66),
 * {@code exit3} ({@code System.exit(3)}: kept), {@code throw} (an exception escapes main: 1, kept),
 * {@code clean} (no race: 0).
 */
public class ExitStatuses {
    static int shared;

    public static void main(String[] args) throws Exception {
        String how = args.length > 0 ? args[0] : "return";
        if (!how.equals("clean")) {
            Thread t = new Thread(() -> shared = 1);
            t.start();
            Thread.sleep(10);
            int v = shared;
            t.join();
        }
        switch (how) {
            case "exit3" -> System.exit(3);
            case "throw" -> throw new IllegalStateException("boom");
            default -> System.out.println("returning");
        }
    }
}
