package dev.hpo.bench;

import java.math.BigDecimal;
import java.math.MathContext;

/** Three significant figures, as the reference tables print them. */
final class Figures {
    private Figures() {
    }

    static String round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
