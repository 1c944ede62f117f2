package dev.hpo.engine.strategy.hyperband;

import java.util.ArrayList;
import java.util.List;

/**
 * The resources at which successive halving compares jobs: MinResource, then each rung the
 * reduction factor times the last, below MaxResource (a job that reaches MaxResource is done anyway).
 * With MinResource 1, MaxResource 100 and factor 3: 1, 3, 9, 27, 81.
 */
public record Rungs(int minResource, int maxResource, int reductionFactor) {
    public static final int DEFAULT_REDUCTION_FACTOR = 3;

    public Rungs {
        if (minResource < 1 || maxResource < minResource || reductionFactor < 2) {
            throw new IllegalArgumentException("need 1 <= MinResource <= MaxResource and a reduction factor of at least 2, not "
                    + minResource + ", " + maxResource + ", " + reductionFactor);
        }
    }

    public List<Integer> resources() {
        List<Integer> resources = new ArrayList<>();
        for (long r = minResource; r < maxResource; r *= reductionFactor) {
            resources.add((int) r);
        }
        return resources;
    }

    /** The rung whose resource is exactly {@code step}, or -1. */
    public int rungAt(int step) {
        List<Integer> resources = resources();
        return resources.indexOf(step);
    }
}
