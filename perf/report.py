#!/usr/bin/python3
"""Prints the markdown tables of docs/performance.md from perf/results/*.json."""
import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def load(name):
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def iqr(s, scale=1.0, fmt="{:.3f}"):
    return f"{fmt.format(s['median'] * scale)} [{fmt.format(s['q25'] * scale)}–{fmt.format(s['q75'] * scale)}]"


def training_job():
    d = load("training-job")
    if not d:
        return
    print(f"Load average {d['loadavg_start'][0]:.1f} at the start, {d['machine']['loadavg_end'][0]:.1f} at the end; "
          f"{d['reps']} interleaved repetitions.\n")
    print("| contender | wall s, median [q25–q75] | CPU s (user+sys) | peak RSS MB | wall / CLI | CPU / CLI |")
    print("|---|---|---|---|---|---|")
    for name, r in d["results"].items():
        ratio = d["ratios_vs_cli_same_eval_sets"][name]
        rss = f"{r['rss_mb']['median']:.0f}" if "rss_mb" in r else "–"
        print(f"| {name} | {iqr(r['wall_s'])} | {iqr(r['cpu_s'])} | {rss} | {ratio['wall_s']:.2f} | {ratio['cpu_s']:.2f} |")
    print()


def efficiency():
    d = load("efficiency")
    if not d:
        return
    print(f"{d['jobs']} training jobs; load average {d['loadavg_start'][0]:.1f} at the start.\n")
    print("| MaxParallelTrainingJobs | wall s | sum of job times s | mean job s | efficiency | best validation:auc | load after |")
    print("|---|---|---|---|---|---|---|")
    for parallel, r in d["results"].items():
        print(f"| {parallel} | {r['tuning_wall_s']:.1f} | {r['sum_job_s']:.1f} | {r['mean_job_s']:.2f} | {r['efficiency']:.2f} | "
              f"{r['best']:.4f} | {r['load'][0]:.1f} |")
    print()


def tuner():
    d = load("tuner")
    if not d:
        return
    f = d["process_start_floor"]
    print(f"Command `{' '.join(d['command'])}`, {d['parallel']} in parallel; starting it from a JVM alone costs "
          f"{f['ms_per_job']:.2f} ms per job at that parallelism. Load average {d['loadavg_start'][0]:.1f} at the start.\n")
    print("| jobs | tune wall s | ms/job wall | ms/job beyond process start | CPU ms/job | peak RSS MB | describe s | describe --json s | list s | list --json s | load after |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for jobs, r in d["results"].items():
        t = r["tune"]
        print(f"| {int(jobs):,} | {t['wall_s']:.1f} | {r['ms_per_job_wall']:.2f} | {r['ms_per_job_beyond_process_start']:.2f} | "
              f"{r['ms_per_job_cpu']:.2f} | {t['rss_mb']:.0f} | {r['describe']['wall_s']['median']:.2f} | "
              f"{r['describe_json']['wall_s']['median']:.2f} | {r['list']['wall_s']['median']:.2f} | "
              f"{r['list_json']['wall_s']['median']:.2f} | {r['load'][0]:.1f} |")
    h = d["hpo_help_floor"]
    print(f"\n`hpo --help` (JVM start, no work): {h['wall_s']['median']:.2f} s wall, {h['cpu_s']['median']:.2f} s CPU.\n")
    print("CPU seconds of describe / list (less sensitive to the load than wall time):\n")
    print("| jobs | describe | describe --json | list | list --json |")
    print("|---|---|---|---|---|")
    for jobs, r in d["results"].items():
        print(f"| {int(jobs):,} | {r['describe']['cpu_s']['median']:.2f} | {r['describe_json']['cpu_s']['median']:.2f} | "
              f"{r['list']['cpu_s']['median']:.2f} | {r['list_json']['cpu_s']['median']:.2f} |")
    print()


def bookkeeping():
    d = load("bookkeeping")
    if not d:
        return
    print("| jobs | wall s | ms/job | ms/job in each tenth of the run |")
    print("|---|---|---|---|")
    for jobs, r in d["results"].items():
        blocks = ", ".join(f"{b:.2f}" for b in r["ms_per_job_by_block"])
        print(f"| {int(jobs):,} | {r['wall_s']:.1f} | {r['ms_per_job']:.2f} | {blocks} |")
    print()


def jmh():
    d = load("jmh")
    if not d:
        return
    print("| benchmark | ms/op | ± (99.9 %) |")
    print("|---|---|---|")
    for b in d:
        m = b["primaryMetric"]
        print(f"| {b['benchmark'].rsplit('.', 1)[-1]} | {m['score']:.1f} | {m['scoreError']:.1f} |")
    print()


if __name__ == "__main__":
    for section in (training_job, efficiency, tuner, bookkeeping, jmh):
        print(f"### {section.__name__}\n")
        section()
