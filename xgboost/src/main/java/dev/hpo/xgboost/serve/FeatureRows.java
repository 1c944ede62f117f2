package dev.hpo.xgboost.serve;

/** Rows of features in one row-major array, as XGBoost's dense DMatrix takes them; NaN is a missing value. */
record FeatureRows(float[] values, int rows, int columns) {
}
