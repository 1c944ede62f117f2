#!/usr/bin/python3
"""Performance benchmarks of hpo, measured side by side on this machine (see perf/README.md).

Steps (each writes perf/results/<step>.json; `all` runs them in order):
  training-job   one built-in XGBoost training job as a whole process vs the xgboost CLI vs in-process
  efficiency     the bank-marketing tuning job at 1, 2 and 3 parallel jobs: wall vs sum(job times)/parallel
  tuner          10,000 (and 1,000 / 5,000) training jobs of `true`: wall, CPU, peak memory; describe and list
  bookkeeping    the tuner loop and store with a simulated launcher (no processes), per block of jobs
  jmh            the in-process floor under JMH
Only the Python standard library is used; child CPU time and peak memory come from wait4().
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "perf" / "results"
CLI_CP = f"{ROOT}/cli/target/hpo-cli.jar:{ROOT}/cli/target/lib/*"
PERF_CP = f"{ROOT}/perf/target/classes:{ROOT}/perf/target/lib/*"
DATA = ROOT / "examples" / "bank-marketing" / "data"
JAVA = shutil.which("java")

# The baseline's default configuration (BASELINE.md, section D), the same for every contender.
PARAMS = [("objective", "binary:logistic"), ("eval_metric", "auc"), ("max_depth", "5"), ("eta", "0.2"),
          ("gamma", "4"), ("min_child_weight", "6"), ("subsample", "0.8"), ("nthread", "1"), ("seed", "0"),
          ("tree_method", "hist"), ("num_round", "100")]


def load():
    return os.getloadavg()


def run(cmd, env=None, cwd=None, stdout=subprocess.DEVNULL, ok=(0,)):
    """Runs cmd to its end; returns wall s, user+sys CPU s, peak RSS MB (the child and what it waited for)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE if stdout is subprocess.DEVNULL else subprocess.STDOUT)
    err = b""
    if p.stderr is not None:
        err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in ok:
        raise RuntimeError(f"{cmd[:3]}... exited {p.returncode}: {err.decode(errors='replace')[-2000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def summary(values):
    values = sorted(values)
    q = statistics.quantiles(values, n=4) if len(values) >= 2 else [values[0]] * 3
    return {"median": statistics.median(values), "q25": q[0], "q75": q[2], "min": values[0], "max": values[-1], "n": len(values)}


def save(step, data):
    RESULTS.mkdir(parents=True, exist_ok=True)
    data["machine"] = {"cpus": os.cpu_count(), "platform": platform.platform(), "loadavg_end": load()}
    (RESULTS / f"{step}.json").write_text(json.dumps(data, indent=2) + "\n")
    print(f"[{step}] written to {RESULTS / (step + '.json')}", flush=True)


def hpo_training_command():
    out = subprocess.run([JAVA, "-cp", CLI_CP + ":" + f"{ROOT}/perf/target/classes", "dev.hpo.perf.PrintTrainingCommand"],
                         check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()


def step_training_job(a):
    work = Path(tempfile.mkdtemp(prefix="hpo-perf-job-"))
    args = [x for k, v in PARAMS for x in (f"--{k}", v)]
    env = dict(os.environ, SM_CHANNEL_TRAIN=str(DATA / "train.csv"), SM_CHANNEL_VALIDATION=str(DATA / "validation.csv"),
               SM_MODEL_DIR=str(work / "model"), OMP_NUM_THREADS="1")
    hpo = hpo_training_command() + args
    # How the seed started each job: the tuner's whole class path, XGBoost4J's own native loading.
    seed = [JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Dhpo.cache=", "-cp", CLI_CP,
            "dev.hpo.xgboost.TrainingMain"] + args

    def cli_conf(name, evals):
        lines = [f"{k} = {v}" for k, v in PARAMS if k != "num_round"] + ["booster = gbtree", "num_round = 100", "save_period = 0",
                 f'data = "{DATA}/train.csv?format=csv&label_column=0"']
        lines += [f'eval[{e}] = "{DATA}/{e}.csv?format=csv&label_column=0"' for e in evals]
        lines.append(f'model_out = "{work}/{name}.model"')
        path = work / f"{name}.conf"
        path.write_text("\n".join(lines) + "\n")
        return ["xgboost", str(path)]

    contenders = {
        "hpo_training_job": hpo,
        "seed_training_job": seed,
        "xgboost_cli_train_and_validation": cli_conf("cli_tv", ["train", "validation"]),
        "xgboost_cli_validation_only": cli_conf("cli_v", ["validation"]),
        "in_process_floor": [JAVA, "-XX:+UseSerialGC", "-cp", PERF_CP, "dev.hpo.perf.InProcessFloor", str(DATA), "2", "1"],
    }
    for name, cmd in contenders.items():  # one unmeasured run each: page cache, native library cache, CDS archive
        run(cmd, env=env)
    results = {name: [] for name in contenders}
    floor_inner = []
    load_start = load()
    for rep in range(a.reps):
        names = list(contenders)
        names = names[rep % len(names):] + names[:rep % len(names)]  # rotate the order so no one always goes first
        for name in names:
            if name == "in_process_floor":
                p = subprocess.run(contenders[name], env=env, check=True, capture_output=True, text=True)
                floor_inner.append(json.loads(p.stdout.strip().splitlines()[-1]))
                continue
            results[name].append(run(contenders[name], env=env))
        print(f"[training-job] rep {rep + 1}/{a.reps} load {load()[0]:.1f}", flush=True)
    out = {"reps": a.reps, "loadavg_start": load_start, "commands": {k: " ".join(v) for k, v in contenders.items()}, "results": {}}
    for name, runs in results.items():
        if runs:
            out["results"][name] = {m: summary([r[m] for r in runs]) for m in ("wall_s", "cpu_s", "rss_mb")}
    out["results"]["in_process_floor"] = {"wall_s": summary([r["wall_s"] for r in floor_inner]),
                                          "cpu_s": summary([r["cpu_s"] for r in floor_inner])}
    ref = out["results"]["xgboost_cli_train_and_validation"]
    out["ratios_vs_cli_same_eval_sets"] = {
        name: {m: r[m]["median"] / ref[m]["median"] for m in ("wall_s", "cpu_s")} for name, r in out["results"].items()}
    save("training-job", out)
    shutil.rmtree(work, ignore_errors=True)


def tuning_config(name, jobs, parallel, command=None, base=None):
    if command is None:
        config = json.loads((ROOT / "examples" / "bank-marketing" / "tuning-job.json").read_text())
        for channel in config["TrainingJobDefinition"]["InputDataConfig"]:
            channel["DataSource"]["S3DataSource"]["S3Uri"] = str(DATA / Path(channel["DataSource"]["S3DataSource"]["S3Uri"]).name)
    else:
        config = {
            "HyperParameterTuningJobConfig": {
                "Strategy": "Random", "RandomSeed": 7,
                "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "score"},
                "ParameterRanges": {
                    "ContinuousParameterRanges": [{"Name": "x", "MinValue": "0", "MaxValue": "1"}],
                    "IntegerParameterRanges": [{"Name": "n", "MinValue": "1", "MaxValue": "10"}]}},
            "TrainingJobDefinition": {
                "AlgorithmSpecification": {"ContainerEntrypoint": command,
                                           "MetricDefinitions": [{"Name": "score", "Regex": "score=([0-9]+)"}]},
                "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}}
    config["HyperParameterTuningJobName"] = name
    config["HyperParameterTuningJobConfig"]["ResourceLimits"] = {"MaxNumberOfTrainingJobs": jobs, "MaxParallelTrainingJobs": parallel}
    config["TrainingJobDefinition"]["OutputDataConfig"] = {"S3OutputPath": str(base)}
    path = base / f"{name}.json"
    path.write_text(json.dumps(config, indent=2))
    return path


def hpo(*args):
    return [str(ROOT / "bin" / "hpo"), *map(str, args)]


def iso_seconds(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def step_efficiency(a):
    base = Path(a.work) / "efficiency"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    out = {"jobs": a.jobs, "loadavg_start": load(), "results": {}}
    for parallel in map(int, a.parallel.split(",")):
        name = f"bank-p{parallel}"
        config = tuning_config(name, a.jobs, parallel, base=base)
        usage = run(hpo("tune", config))
        state = json.loads((base / name / "tuning-job.json").read_text())
        wall = iso_seconds(state["endTime"]) - iso_seconds(state["creationTime"])
        durations = []
        for job in (base / name / "training-jobs").iterdir():
            record = json.loads((job / "training-job.json").read_text())
            durations.append(iso_seconds(record["trainingEndTime"]) - iso_seconds(record["trainingStartTime"]))
        ideal = sum(durations) / parallel
        out["results"][str(parallel)] = {"tuning_wall_s": wall, "process_wall_s": usage["wall_s"], "sum_job_s": sum(durations),
                                         "mean_job_s": statistics.mean(durations), "efficiency": ideal / wall,
                                         "best": state.get("bestTrainingJob", {}).get("finalObjective"), "load": load()}
        print(f"[efficiency] parallel {parallel}: {out['results'][str(parallel)]}", flush=True)
    save("efficiency", out)


def step_tuner(a):
    base = Path(a.work) / "tuner"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    out = {"parallel": a.parallel_jobs, "command": a.command, "loadavg_start": load(), "results": {}}
    floor = subprocess.run([JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", PERF_CP, "dev.hpo.perf.ProcessStartFloor",
                            "2000", str(a.parallel_jobs), *a.command], check=True, capture_output=True, text=True)
    out["process_start_floor"] = json.loads(floor.stdout)
    for jobs in map(int, a.jobs.split(",")):
        name = f"trivial-{jobs}"
        config = tuning_config(name, jobs, a.parallel_jobs, command=a.command, base=base)
        usage = run(hpo("tune", config), ok=(0, 1))  # `true` prints no objective, so the tuning job ends Failed
        directory = base / name
        entry = {"tune": usage, "ms_per_job_wall": usage["wall_s"] * 1000 / jobs, "ms_per_job_cpu": usage["cpu_s"] * 1000 / jobs,
                 "ms_per_job_beyond_process_start": usage["wall_s"] * 1000 / jobs - out["process_start_floor"]["ms_per_job"]}
        for label, args in {"describe": ["describe", directory], "describe_json": ["describe", directory, "--json"],
                            "list": ["list-training-jobs", directory], "list_json": ["list-training-jobs", directory, "--json"]}.items():
            entry[label] = {m: summary(v) for m, v in zip(("wall_s", "cpu_s", "rss_mb"),
                                                          zip(*[(r["wall_s"], r["cpu_s"], r["rss_mb"]) for r in
                                                                [run(hpo(*args)) for _ in range(a.reps)]]))}
        entry["load"] = load()
        out["results"][str(jobs)] = entry
        print(f"[tuner] {jobs} jobs: {usage['wall_s']:.1f} s, {entry['ms_per_job_wall']:.2f} ms/job, "
              f"{usage['rss_mb']:.0f} MB, list {entry['list']['wall_s']['median']:.2f} s, load {load()[0]:.1f}", flush=True)
        if not a.keep:
            shutil.rmtree(directory, ignore_errors=True)
    out["hpo_help_floor"] = {m: summary(v) for m, v in zip(("wall_s", "cpu_s", "rss_mb"),
                                                           zip(*[(r["wall_s"], r["cpu_s"], r["rss_mb"]) for r in
                                                                 [run(hpo("--help")) for _ in range(a.reps)]]))}
    save("tuner", out)


def step_bookkeeping(a):
    out = {"loadavg_start": load(), "results": {}}
    for jobs in map(int, a.jobs.split(",")):
        work = Path(tempfile.mkdtemp(prefix="hpo-perf-bk-", dir=a.work))
        p = subprocess.run([JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m", "-cp", PERF_CP, "dev.hpo.perf.TunerBookkeeping",
                            str(jobs), "2", str(max(1, jobs // 10)), str(work)], check=True, capture_output=True, text=True)
        out["results"][str(jobs)] = json.loads(p.stdout.strip().splitlines()[-1])
        print(f"[bookkeeping] {out['results'][str(jobs)]}", flush=True)
        shutil.rmtree(work, ignore_errors=True)
    save("bookkeeping", out)


def step_jmh(a):
    result = RESULTS / "jmh.json"
    RESULTS.mkdir(parents=True, exist_ok=True)
    subprocess.run([JAVA, f"-Dhpo.perf.data={DATA}", "-cp", PERF_CP, "org.openjdk.jmh.Main", "InProcessTrainingBenchmark",
                    "-rf", "json", "-rff", str(result), "-jvmArgsAppend", f"-Dhpo.perf.data={DATA}"], check=True)
    print(f"[jmh] written to {result}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["training-job", "efficiency", "tuner", "bookkeeping", "jmh", "all"])
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--jobs", default=None)
    parser.add_argument("--parallel", default="1,2,3")
    parser.add_argument("--parallel-jobs", type=int, default=2)
    parser.add_argument("--command", nargs="+", default=["true"])
    parser.add_argument("--work", default=str(ROOT / "perf" / "work"))
    parser.add_argument("--keep", action="store_true", help="keep the 10,000-job directories")
    a = parser.parse_args()
    Path(a.work).mkdir(parents=True, exist_ok=True)
    if not (DATA / "train.csv").exists():
        subprocess.run(hpo("prepare-bank-marketing"), check=True)
    steps = ["training-job", "efficiency", "tuner", "bookkeeping", "jmh"] if a.step == "all" else [a.step]
    jobs = a.jobs
    for step in steps:
        print(f"== {step} (load {load()[0]:.1f}) ==", flush=True)
        if step == "efficiency":
            a.jobs = int(jobs or 20)
        elif step in ("tuner", "bookkeeping"):
            a.jobs = jobs or "1000,5000,10000"
        {"training-job": step_training_job, "efficiency": step_efficiency, "tuner": step_tuner,
         "bookkeeping": step_bookkeeping, "jmh": step_jmh}[step](a)


if __name__ == "__main__":
    sys.exit(main())
