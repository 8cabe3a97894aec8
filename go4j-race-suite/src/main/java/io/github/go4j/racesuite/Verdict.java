package io.github.go4j.racesuite;

/** What a program's run says, read from its exit status alone. */
public enum Verdict {
    /** Exit status 66: the detector reported at least one race. */
    RACE,
    /** Exit status 0: the program ran to the end and nothing was reported. */
    SILENT,
    /** Any other exit status: the program (or the agent) failed. */
    ERROR,
    /** Still running at the time limit: killed. */
    TIMEOUT;

    /** The exit status the race agent ends a process with when it reported races (GORACE's default). */
    public static final int RACE_EXIT_STATUS = 66;

    /** The verdict of a child that exited with {@code exitStatus}, or {@code null} for one that was killed. */
    public static Verdict of(Integer exitStatus) {
        if (exitStatus == null) {
            return TIMEOUT;
        }
        return switch (exitStatus) {
            case 0 -> SILENT;
            case RACE_EXIT_STATUS -> RACE;
            default -> ERROR;
        };
    }

    /** Whether this verdict is the one a correct detector gives for a program labelled {@code label}. */
    public boolean matches(Label label) {
        return this == (label == Label.RACE ? RACE : SILENT);
    }
}
