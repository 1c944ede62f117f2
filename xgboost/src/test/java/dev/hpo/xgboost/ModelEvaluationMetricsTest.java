package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelEvaluationMetricsTest {

    @Test
    void logLossOfKnownValues() {
        double expected = -(Math.log(0.8f) + Math.log(1 - 0.3f)) / 2;
        assertEquals(expected, LogLoss.of(new float[] {1, 0}, new float[] {0.8f, 0.3f}), 1e-12);
    }

    @Test
    void logLossClipsCertainMistakesLikeXGBoost() {
        assertEquals(-Math.log(1e-16), LogLoss.of(new float[] {1}, new float[] {0f}), 1e-9);
        // 1 - (1 - 1e-16) is not exactly 1e-16 in doubles, hence the looser check
        double loss = LogLoss.of(new float[] {0}, new float[] {1f});
        assertTrue(loss > 36 && loss < 37, "loss " + loss);
    }

    @Test
    void confusionMatrixCountsScoresStrictlyAboveTheThresholdAsPositive() {
        float[] labels = {1, 1, 0, 0, 1, 0};
        float[] scores = {0.9f, 0.5f, 0.5f, 0.2f, 0.7f, 0.6f};
        ConfusionMatrix c = ConfusionMatrix.of(labels, scores, 0.5);
        assertEquals(new ConfusionMatrix(2, 1, 2, 1), c);
        assertEquals(6, c.total());
        assertEquals(4.0 / 6, c.accuracy(), 1e-12);
    }

    @Test
    void evaluationOfArraysAndItsRenderings() {
        float[] labels = {1, 0, 1, 0};
        float[] scores = {0.9f, 0.4f, 0.3f, 0.1f};
        ModelEvaluation e = ModelEvaluation.of(labels, scores, 0.5);
        assertEquals(4, e.rows());
        assertEquals(2, e.positives());
        assertEquals(0.75, e.auc(), 1e-12);
        assertEquals(0.75, e.accuracy(), 1e-12);
        assertEquals(new ConfusionMatrix(1, 0, 2, 1), e.confusion());

        Map<String, Object> map = e.toMap();
        assertEquals(0.75, map.get("auc"));
        assertEquals(4L, map.get("rows"));
        String json = e.toJson();
        assertTrue(json.startsWith("{\"rows\":4,\"positives\":2,\"auc\":0.75,"), json);
        assertTrue(json.endsWith("\"confusion\":{\"truePositives\":1,\"falsePositives\":0,\"trueNegatives\":2,\"falseNegatives\":1}}"), json);

        String text = e.toText();
        assertTrue(text.contains("auc        0.750000"), text);
        assertTrue(text.contains("rows       4 (2 positive, 50.00%)"), text);
    }

    @Test
    void undefinedAucIsNullInJson() {
        ModelEvaluation e = ModelEvaluation.of(new float[] {1, 1}, new float[] {0.2f, 0.9f}, 0.5);
        assertTrue(Double.isNaN(e.auc()));
        assertTrue(e.toJson().contains("\"auc\":null"), e.toJson());
    }
}
