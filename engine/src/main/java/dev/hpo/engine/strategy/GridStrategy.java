package dev.hpo.engine.strategy;

import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.IntegerRange;
import dev.hpo.engine.space.ParameterRange;
import dev.hpo.engine.space.SearchSpace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every combination of the categorical (and integer) values once, in a fixed order: the n-th job
 * gets the n-th combination, the last range varying fastest.
 */
public final class GridStrategy implements Strategy {
    private final SearchSpace space;

    public GridStrategy(SearchSpace space) {
        for (ParameterRange range : space.ranges()) {
            if (!(range instanceof CategoricalRange) && !(range instanceof IntegerRange)) {
                throw new IllegalArgumentException("Grid search takes categorical and integer ranges only; '" + range.name() + "' is continuous");
            }
        }
        this.space = space;
    }

    /** The number of combinations; Long.MAX_VALUE stands for any count beyond it (a product of large ranges overflows). */
    public long size() {
        return space.combinations();
    }

    @Override
    public Optional<Map<String, String>> suggest(int index, List<Trial> history) {
        if (index >= size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        long rest = index;
        List<ParameterRange> ranges = space.ranges();
        String[] chosen = new String[ranges.size()];
        for (int i = ranges.size() - 1; i >= 0; i--) {
            ParameterRange range = ranges.get(i);
            long count = SearchSpace.count(range);
            int position = (int) (rest % count);
            rest /= count;
            chosen[i] = range instanceof CategoricalRange c ? c.values().get(position)
                    : Long.toString(((IntegerRange) range).min() + position);
        }
        for (int i = 0; i < ranges.size(); i++) {
            values.put(ranges.get(i).name(), chosen[i]);
        }
        return Optional.of(values);
    }
}
