#!/usr/bin/python3
"""Each side's best configurations trained by the other side's XGBoost, on the same data files.

Optuna's best configuration of each run (from optuna_bench.py's bank_hist.json) goes through hpo as a
1-job tuning job whose values are static hyperparameters (the example's tuning job otherwise, so the
built-in XGBoost4J algorithm trains it); hpo's best of each run (a `bin/bench bank` job directory) is
trained by Python XGBoost the way optuna_bench.py's objective trains. If the two trainers agreed, each
row's two AUCs would be equal; the gap between them is the part of a difference between the tools
that lies in training, not in the search.

usage: BENCH_OUT=<dir with data/ and results/> /usr/bin/python3 bench/python/cross_check.py \
           <bin/bench bank job directory> [path to ../shared/bench]
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def hpo_auc(example, params, data, work, name):
    config = json.loads(json.dumps(example))
    config["HyperParameterTuningJobName"] = name
    tuning = config["HyperParameterTuningJobConfig"]
    tuning["ResourceLimits"] = {"MaxNumberOfTrainingJobs": 1, "MaxParallelTrainingJobs": 1}
    # a tuning job needs one range: max_depth as a single-valued categorical, the rest static
    tuning["ParameterRanges"] = {"CategoricalParameterRanges": [{"Name": "max_depth", "Values": [str(params["max_depth"])]}]}
    static = config["TrainingJobDefinition"]["StaticHyperParameters"]
    for name_ in ("eta", "min_child_weight", "alpha"):
        static[name_] = repr(float(params[name_]))
    for channel in config["TrainingJobDefinition"]["InputDataConfig"]:
        channel["DataSource"]["S3DataSource"]["S3Uri"] = os.path.join(data, channel["ChannelName"] + ".csv")
    path = os.path.join(work, name + ".json")
    with open(path, "w") as f:
        json.dump(config, f)
    subprocess.run([os.path.join(ROOT, "bin", "hpo"), "tune", path, "--output", work], check=True, capture_output=True)
    with open(os.path.join(work, name, "tuning-job.json")) as f:
        return json.load(f)["bestTrainingJob"]["finalObjective"]


def main():
    runs = sys.argv[1]
    sys.path.insert(0, sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "bench"))
    import optuna_bench
    bank = optuna_bench.Bank("hist")
    with open(os.path.join(ROOT, "examples", "bank-marketing", "tuning-job.json")) as f:
        example = json.load(f)
    with open(os.path.join(optuna_bench.RES, "bank_hist.json")) as f:
        optuna = json.load(f)
    work = tempfile.mkdtemp(prefix="hpo-cross-check-")
    rows = []
    for run in optuna["runs"]:
        if run["n_jobs"] == 1:
            name = f"optuna-{run['sampler']}-{run['seed']}"
            rows.append((f"Optuna {run['sampler']} seed {run['seed']}", run["best_params"], run["best_val_auc"],
                         hpo_auc(example, run["best_params"], optuna_bench.DATA, work, name)))
    for job in sorted(glob.glob(os.path.join(runs, "bank-*-[0-9]"))):
        with open(os.path.join(job, "tuning-job.json")) as f:
            best = json.load(f)["bestTrainingJob"]
        params = {k: float(v) for k, v in best["tunedHyperParameters"].items()}
        params["max_depth"] = int(params["max_depth"])
        rows.append((f"hpo {os.path.basename(job)[5:]}", params, bank.fit(params)["validation_auc"], best["finalObjective"]))
    print("| best configuration of | eta, min_child_weight, alpha, max_depth | Python XGBoost | hpo built-in (XGBoost4J) | hpo − Python |")
    print("|---|---|---|---|---|")
    for label, p, python_auc, hpo in rows:
        print(f"| {label} | {p['eta']:.3f}, {p['min_child_weight']:.3f}, {p['alpha']:.3f}, {p['max_depth']} "
              f"| {python_auc:.4f} | {hpo:.4f} | {hpo - python_auc:+.4f} |")
    print(f"\n(1-job tuning jobs kept in {work})")


if __name__ == "__main__":
    main()
