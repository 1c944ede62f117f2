package dev.hpo.engine.strategy;

import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.IntegerRange;
import dev.hpo.engine.space.ParameterRange;
import dev.hpo.engine.space.SearchSpace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A space of categorical and integer ranges only, whose configurations can be counted. There a
 * repeated configuration would only run a training job again, so strategies ask which ones were
 * already tried (or are running) and which remain.
 */
final class FiniteSpace {
    /** Beyond this many configurations 32 failed redraws cannot happen in practice, and listing would not pay. */
    static final long MAX_LISTED = 1_000_000;
    /** Redraws before listing the untried configurations outright; only a nearly exhausted space needs more. */
    private static final int REDRAWS = 32;

    private final SearchSpace space;
    private final GridStrategy grid;

    private FiniteSpace(SearchSpace space) {
        this.space = space;
        this.grid = new GridStrategy(space);
    }

    /** Empty when a range is continuous (a repeat then has probability zero). */
    static Optional<FiniteSpace> of(SearchSpace space) {
        boolean finite = !space.ranges().isEmpty()
                && space.ranges().stream().allMatch(r -> r instanceof CategoricalRange || r instanceof IntegerRange);
        return finite ? Optional.of(new FiniteSpace(space)) : Optional.empty();
    }

    long size() {
        return grid.size();
    }

    /** The configurations of {@code history}, tried or running. */
    Set<Map<String, String>> tried(List<Trial> history) {
        Set<Map<String, String>> tried = new HashSet<>();
        for (Trial trial : history) {
            tried.add(tuned(trial.hyperParameters()));
        }
        return tried;
    }

    boolean exhausted(Set<Map<String, String>> tried) {
        return tried.size() >= size();
    }

    /** Every configuration not in {@code tried}, in grid order; null when the space is too large to list. */
    List<Map<String, String>> untried(Set<Map<String, String>> tried) {
        if (size() > MAX_LISTED) {
            return null;
        }
        List<Map<String, String>> untried = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            Map<String, String> candidate = grid.suggest(i, List.of()).orElseThrow();
            if (!tried.contains(candidate)) {
                untried.add(candidate);
            }
        }
        return untried;
    }

    /**
     * {@code chosen} when it was not tried; else a configuration redrawn at random until an untried one
     * comes up, then one picked from the list of untried ones; empty when every one was tried.
     */
    Optional<Map<String, String>> untriedFrom(Map<String, String> chosen, Set<Map<String, String>> tried, SplittableRandom random) {
        Map<String, String> drawn = chosen;
        for (int attempt = 0; attempt < REDRAWS && tried.contains(drawn); attempt++) {
            drawn = space.valuesAt(space.randomPoint(random));
        }
        if (!tried.contains(drawn) || size() > MAX_LISTED) {
            return Optional.of(drawn);
        }
        List<Map<String, String>> untried = untried(tried);
        return untried.isEmpty() ? Optional.empty() : Optional.of(untried.get(random.nextInt(untried.size())));
    }

    /** Only the ranges' own values: a history entry may carry more (a resumed job's record). */
    Map<String, String> tuned(Map<String, String> hyperParameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterRange range : space.ranges()) {
            values.put(range.name(), hyperParameters.get(range.name()));
        }
        return values;
    }
}
