package dev.hpo.engine.earlystop;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.strategy.hyperband.Rungs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HyperbandStoppingTest {
    private static final Rungs ONE_TO_THREE = new Rungs(1, 3, 3);

    @Test
    void aJobIsDoneAtTheStepOfMaxResourceNotOneLater() {
        HyperbandStopping stopping = new HyperbandStopping(ONE_TO_THREE, false);
        assertEquals(EarlyStopping.Decision.CONTINUE, check(stopping, 0.5, 0.4));
        assertEquals(EarlyStopping.Decision.BUDGET_SPENT, check(stopping, 0.5, 0.4, 0.3));
    }

    @Test
    void aJobThatEndsByItselfAtMaxResourceIsLeftToEndUnlessItGoesOn() {
        HyperbandStopping stopping = new HyperbandStopping(ONE_TO_THREE, true);
        assertEquals(EarlyStopping.Decision.CONTINUE, check(stopping, 0.5, 0.4, 0.3));
        assertEquals(EarlyStopping.Decision.BUDGET_SPENT, check(stopping, 0.5, 0.4, 0.3, 0.2));
    }

    @Test
    void aRungStopIsStillAStop() {
        HyperbandStopping stopping = new HyperbandStopping(ONE_TO_THREE, false);
        ObjectiveProgress better = new ObjectiveProgress(0, new double[] {0.1}, true, java.util.OptionalDouble.of(0.1));
        assertEquals(EarlyStopping.Decision.STOP,
                stopping.check(ObjectiveProgress.running(1, new double[] {0.9}), List.of(better), ObjectiveType.Minimize));
    }

    private static EarlyStopping.Decision check(HyperbandStopping stopping, double... values) {
        return stopping.check(ObjectiveProgress.running(0, values), List.of(), ObjectiveType.Minimize);
    }
}
