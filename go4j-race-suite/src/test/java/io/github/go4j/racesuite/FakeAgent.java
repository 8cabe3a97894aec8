package io.github.go4j.racesuite;

/**
 * A stand-in for the race agent that keeps its exit-status contract without detecting anything: with
 * option {@code all} every program exits 66, with {@code race} only programs of the {@code race} package
 * do, with {@code none} none does. It lets the runner's classification be tested before the detector exists.
 */
public final class FakeAgent {

    private FakeAgent() {}

    public static void premain(String options) {
        String command = System.getProperty("sun.java.command", "");
        boolean report = switch (options == null ? "" : options) {
            case "all" -> true;
            case "race" -> command.contains(".racesuite.race.");
            default -> false;
        };
        if (report) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(Verdict.RACE_EXIT_STATUS)));
        }
    }
}
