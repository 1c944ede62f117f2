package dev.hpo.xgboost.serve;

/**
 * Checked rows of features as CSV text (features only, no label), ready for XGBoost's own loader.
 * Text rather than floats on purpose: XGBoost's CSV parser rounds some decimals differently from
 * Java's, and a model must see at serving time exactly the floats it was trained and evaluated on.
 */
record FeatureRows(String csv, int rows) {
}
