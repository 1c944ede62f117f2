package dev.hpo.engine.earlystop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.engine.config.ObjectiveType;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MedianStoppingRuleTest {
    private static ObjectiveProgress finished(int index, double... values) {
        return new ObjectiveProgress(index, values, true, OptionalDouble.of(values[values.length - 1]));
    }

    private final List<ObjectiveProgress> earlier = List.of(
            finished(0, 0.50, 0.60, 0.70),
            finished(1, 0.40, 0.50, 0.60),
            finished(2, 0.60, 0.70, 0.80));

    @Test
    void stopsAJobWorseThanTheMedianOfRunningAverages() {
        // running averages at step 1: 0.55, 0.45, 0.65 -> median 0.55
        MedianStoppingRule rule = new MedianStoppingRule();
        assertEquals(EarlyStopping.Decision.STOP, rule.check(ObjectiveProgress.running(3, new double[] {0.9, 0.54}), earlier, ObjectiveType.Maximize));
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.check(ObjectiveProgress.running(3, new double[] {0.1, 0.55}), earlier, ObjectiveType.Maximize));
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.check(ObjectiveProgress.running(3, new double[] {0.9, 0.54}), earlier, ObjectiveType.Minimize));
        assertEquals(EarlyStopping.Decision.STOP, rule.check(ObjectiveProgress.running(3, new double[] {0.1, 0.56}), earlier, ObjectiveType.Minimize));
    }

    @Test
    void waitsForEnoughEarlierJobsAndSteps() {
        MedianStoppingRule rule = new MedianStoppingRule();
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.check(ObjectiveProgress.running(3, new double[] {0.0}), earlier, ObjectiveType.Maximize),
                "never on the first value");
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.check(ObjectiveProgress.running(3, new double[] {0.0, 0.0}), earlier.subList(0, 2),
                ObjectiveType.Maximize), "two earlier jobs are too few");
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.check(ObjectiveProgress.running(3, new double[] {0, 0, 0, 0}), earlier,
                ObjectiveType.Maximize), "no earlier job reached step 3");
    }

    @Test
    void onlyEarlierJobsCount() {
        MedianStoppingRule rule = new MedianStoppingRule();
        assertEquals(EarlyStopping.Decision.CONTINUE, rule.check(ObjectiveProgress.running(1, new double[] {0.0, 0.0}), earlier,
                ObjectiveType.Maximize), "job 1 has one earlier job");
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, MedianStoppingRule.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }
}
