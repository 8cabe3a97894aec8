package io.github.go4j.racesuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreTest {

    private static Score score(int tp, int fn, int fp, int tn) {
        Score s = new Score(0, 0, 0, 0, 0);
        for (int i = 0; i < tp; i++) s = s.plus(Label.RACE, Verdict.RACE);
        for (int i = 0; i < fn; i++) s = s.plus(Label.RACE, Verdict.SILENT);
        for (int i = 0; i < fp; i++) s = s.plus(Label.NORACE, Verdict.RACE);
        for (int i = 0; i < tn; i++) s = s.plus(Label.NORACE, Verdict.SILENT);
        return s;
    }

    @Test
    void recallOfNineteenOutOfTwentyMeetsTheTarget() {
        Score s = score(19, 1, 0, 20);
        assertEquals(0.95, s.recall(), 1e-9);
        assertEquals(1.0, s.precision(), 1e-9);
        assertTrue(s.meetsTarget());
    }

    @Test
    void oneFalseReportMissesTheTarget() {
        Score s = score(20, 0, 1, 19);
        assertEquals(20.0 / 21, s.precision(), 1e-9);
        assertFalse(s.meetsTarget());
    }

    @Test
    void recallBelowNinetyFivePercentMissesTheTarget() {
        assertFalse(score(18, 2, 0, 20).meetsTarget());
    }

    @Test
    void aRaceProgramThatFailsIsAMissAndANoraceProgramThatFailsFailsTheRun() {
        Score s = new Score(0, 0, 0, 0, 0).plus(Label.RACE, Verdict.ERROR).plus(Label.NORACE, Verdict.TIMEOUT);
        assertEquals(1, s.falseNegatives());
        assertEquals(1, s.noraceFailures());
        assertEquals(0, s.falsePositives());
        assertFalse(s.meetsTarget());
    }

    @Test
    void verdictsComeFromTheExitStatus() {
        assertEquals(Verdict.RACE, Verdict.of(66));
        assertEquals(Verdict.SILENT, Verdict.of(0));
        assertEquals(Verdict.ERROR, Verdict.of(1));
        assertEquals(Verdict.TIMEOUT, Verdict.of(null));
    }
}
