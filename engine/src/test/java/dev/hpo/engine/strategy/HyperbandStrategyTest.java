package dev.hpo.engine.strategy;

import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.ScalingType;
import dev.hpo.engine.space.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HyperbandStrategyTest {

    @Test
    void samplesLikeRandomSearchWithTheSameSeed() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("eta", 0, 1, ScalingType.Auto)));
        HyperbandStrategy hyperband = new HyperbandStrategy(space, 5);
        RandomStrategy random = new RandomStrategy(space, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(random.suggest(i, List.of()), hyperband.suggest(i, List.of()));
        }
    }
}
