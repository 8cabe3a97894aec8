package io.github.go4j.racesuite;

import java.util.Locale;

/**
 * The ground truth's score: a reported race on a RACE program is a true positive, on a NORACE program a
 * false positive; a RACE program without a report (silent, failed or killed) is a false negative.
 * A NORACE program that failed or was killed is neither, but counts as a failure of the run: the agent
 * must never change what a correct program does.
 *
 * @param truePositives   RACE programs reported
 * @param falseNegatives  RACE programs not reported
 * @param falsePositives  NORACE programs reported
 * @param trueNegatives   NORACE programs silent
 * @param noraceFailures  NORACE programs that failed or were killed
 */
public record Score(int truePositives, int falseNegatives, int falsePositives, int trueNegatives, int noraceFailures) {

    /** Required precision: no false report, ever. */
    public static final double REQUIRED_PRECISION = 1.0;
    /** Required recall. */
    public static final double REQUIRED_RECALL = 0.95;

    /** Adds one program's outcome. */
    public Score plus(Label label, Verdict verdict) {
        if (label == Label.RACE) {
            return verdict == Verdict.RACE
                    ? new Score(truePositives + 1, falseNegatives, falsePositives, trueNegatives, noraceFailures)
                    : new Score(truePositives, falseNegatives + 1, falsePositives, trueNegatives, noraceFailures);
        }
        return switch (verdict) {
            case RACE -> new Score(truePositives, falseNegatives, falsePositives + 1, trueNegatives, noraceFailures);
            case SILENT -> new Score(truePositives, falseNegatives, falsePositives, trueNegatives + 1, noraceFailures);
            case ERROR, TIMEOUT -> new Score(truePositives, falseNegatives, falsePositives, trueNegatives, noraceFailures + 1);
        };
    }

    /** TP / (TP + FP); 1 when nothing was reported at all (no report was false). */
    public double precision() {
        int reported = truePositives + falsePositives;
        return reported == 0 ? 1.0 : (double) truePositives / reported;
    }

    /** TP / (TP + FN); 1 when no RACE program ran. */
    public double recall() {
        int races = truePositives + falseNegatives;
        return races == 0 ? 1.0 : (double) truePositives / races;
    }

    /** Precision 100 %, recall at least 95 %, and every NORACE program ran to a normal end. */
    public boolean meetsTarget() {
        return precision() >= REQUIRED_PRECISION && recall() >= REQUIRED_RECALL && noraceFailures == 0;
    }

    /** The two summary lines: the counts, then precision and recall with their fractions. */
    public String summary() {
        return String.format(Locale.ROOT,
                "true positives %d, false negatives %d, false positives %d, true negatives %d, NORACE failures %d%n"
                        + "precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)",
                truePositives, falseNegatives, falsePositives, trueNegatives, noraceFailures,
                100 * precision(), truePositives, truePositives + falsePositives,
                100 * recall(), truePositives, truePositives + falseNegatives);
    }
}
