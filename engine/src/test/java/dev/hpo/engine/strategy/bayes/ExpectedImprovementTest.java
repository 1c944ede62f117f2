package dev.hpo.engine.strategy.bayes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpectedImprovementTest {

    @Test
    void atTheIncumbentTheImprovementIsTheDensityAtZeroTimesSigma() {
        // z = 0: EI = sigma phi(0) = sigma / sqrt(2 pi)
        assertEquals(0.3989422804014327, ExpectedImprovement.value(0, 1, 0), 1e-7);
        assertEquals(2 * 0.3989422804014327, ExpectedImprovement.value(5, 2, 5), 1e-7);
    }

    @Test
    void handComputedValues() {
        // mu 1, sigma 2, best 0: z = -0.5, EI = 2 (-0.5 Phi(-0.5) + phi(-0.5)) = 0.395593
        assertEquals(0.39559311480261217, ExpectedImprovement.value(1, 2, 0), 1e-7);
        // mu -3, sigma 0.5, best 0: z = 6, EI ~ 3 (almost sure improvement by the mean gap)
        assertEquals(3.0 + 0.5 * (6 * (Normal.cdf(6) - 1) + Normal.pdf(6)), ExpectedImprovement.value(-3, 0.5, 0), 1e-9);
        // mu 1.5, sigma 0.5, best 0: z = -3, EI = 0.5 (-3 Phi(-3) + phi(-3)) = 0.5 (-3 * 0.001349898 + 0.004431848)
        assertEquals(0.5 * (-3 * 0.0013498980316301 + 0.0044318484119380), ExpectedImprovement.value(1.5, 0.5, 0), 1e-9);
        assertEquals(Math.log(0.5 * (-3 * 0.0013498980316301 + 0.0044318484119380)), ExpectedImprovement.logValue(1.5, 0.5, 0), 1e-6);
    }

    @Test
    void withoutUncertaintyTheImprovementIsTheGap() {
        assertEquals(2, ExpectedImprovement.value(-2, 0, 0), 0);
        assertEquals(0, ExpectedImprovement.value(2, 0, 0), 0);
    }

    @Test
    void logFormAgreesWithTheDirectOneAndStaysFiniteFarAway() {
        assertEquals(Math.log(0.39559311480261217), ExpectedImprovement.logValue(1, 2, 0), 1e-6);
        // reference values of log(z Phi(z) + phi(z)) computed with erfc in double precision
        assertEquals(-25.853424209777973, ExpectedImprovement.logH(-6.5), 1e-6);
        assertEquals(-29.36810718314127, ExpectedImprovement.logH(-7), 1e-6);
        assertEquals(-55.55312203612325, ExpectedImprovement.logH(-10), 1e-6);
        assertEquals(Math.log(-2.5 * 0.0062096653257761 + 0.0175283004935685), ExpectedImprovement.logH(-2.5), 1e-6);
        assertEquals(Math.log(0.5) - 55.55312203612325, ExpectedImprovement.logValue(5, 0.5, 0), 1e-6);
    }

    @Test
    void normalDistributionFunction() {
        assertEquals(0.9750021048517796, Normal.cdf(1.96), 1e-7);
        assertEquals(0.5, Normal.cdf(0), 1e-7);
        assertEquals(1 - 0.9750021048517796, Normal.cdf(-1.96), 1e-7);
    }
}
