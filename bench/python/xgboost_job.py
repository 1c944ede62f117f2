#!/usr/bin/python3
"""A training job on Python XGBoost (Debian python3-xgboost), for `bin/bench bank --trainer python`.

It trains the way ../shared/bench/optuna_bench.py's bank objective does (same data, same
fixed parameters: hist, one thread, seed 0), so that hpo's search and Optuna's can be compared on
one XGBoost build. Hyperparameters come from SM_HPS, data from SM_CHANNEL_TRAIN and
SM_CHANNEL_VALIDATION (files), as hpo hands them to any training job. One line per round on
stdout, `[i]<TAB>validation-auc:<value>`; the last one is the AUC of the final model.
"""
import json
import os
import sys

import xgboost as xgb

FIXED = {"nthread": 1, "seed": 0, "verbosity": 0, "tree_method": "hist"}
INTEGERS = {"max_depth", "max_leaves", "max_bin"}


def load(channel):
    # XGBoost's own CSV reader: ten times faster than numpy.loadtxt, the same float32 values
    return xgb.DMatrix(os.environ["SM_CHANNEL_" + channel.upper()] + "?format=csv&label_column=0", silent=True)


class PrintEveryRound(xgb.callback.TrainingCallback):
    """XGBoost's own printer rounds to 5 digits; the objective should carry all of them."""

    def after_iteration(self, model, epoch, evals_log):
        for data, metrics in evals_log.items():
            for metric, values in metrics.items():
                print(f"[{epoch}]\t{data}-{metric}:{values[-1]!r}", flush=True)
        return False


def main():
    hps = json.loads(os.environ["SM_HPS"])
    rounds = int(hps.pop("num_round"))
    params = {}
    for name, value in hps.items():
        if name.startswith("_"):
            continue
        if name in ("objective", "eval_metric"):
            params[name] = value
        elif name in INTEGERS:
            params[name] = int(float(value))
        else:
            params[name] = float(value)
    params.update(FIXED)
    train, validation = load("train"), load("validation")
    booster = xgb.train(params, train, num_boost_round=rounds, evals=[(validation, "validation")],
                        verbose_eval=False, callbacks=[PrintEveryRound()])
    booster.save_model(os.path.join(os.environ["SM_MODEL_DIR"], "xgboost-model.json"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
