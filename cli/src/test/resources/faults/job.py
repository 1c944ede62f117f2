"""A training job that misbehaves on purpose: the fault-injection harness's one script.

Hyperparameters arrive as --name value (SageMaker script mode). `mode` picks the fault; `x` shapes
the loss, so the search has something to find. Every mode ends by printing `loss=<value>`, the value
the test expects the tuner to record, unless the mode is about a job that never ends on its own.
"""
import os
import random
import subprocess
import sys
import time

args = sys.argv[1:]
hp = {args[i][2:]: args[i + 1] for i in range(0, len(args) - 1, 2)}
mode = hp.get("mode", "epochs")
x = float(hp.get("x", "0.5"))
epochs = int(hp.get("epochs", "5"))
delay = float(hp.get("delay", "0"))
job_dir = os.path.dirname(os.environ["SM_MODEL_DIR"])


def say(text, stream=sys.stdout):
    stream.write(text + "\n")
    stream.flush()


def note_pid(pid):
    with open(os.path.join(job_dir, "pids.txt"), "a") as f:
        f.write("%d\n" % pid)


if mode == "epochs":
    # an ordinary job: one loss per epoch, converging towards (x - 0.3)^2
    for epoch in range(epochs):
        say("epoch %d loss=%.6f" % (epoch, (x - 0.3) ** 2 + 1.0 / (epoch + 1)))
        time.sleep(delay)
elif mode == "spawn":
    # children, a grandchild, an orphan and one that ignores SIGTERM: stop must end all of them
    note_pid(os.getpid())
    stubborn = subprocess.Popen([sys.executable, "-c",
                                 "import signal,time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"])
    note_pid(stubborn.pid)
    shell = subprocess.Popen(["sh", "-c", "sleep 600 & echo $! >> '%s'; wait" % os.path.join(job_dir, "pids.txt")])
    note_pid(shell.pid)
    # an orphan: its shell exits at once, so it is nobody's descendant any more; only its group finds it
    subprocess.Popen(["sh", "-c", "sleep 600 > /dev/null 2>&1 & echo $! >> '%s'" % os.path.join(job_dir, "pids.txt")]).wait()
    say("loss=%.6f" % x)
    time.sleep(600)
elif mode == "huge-line":
    say("loss=0.5")
    chunk = "x" * (1 << 20)
    for _ in range(100):
        sys.stdout.write(chunk)  # 100 MiB without a newline
    sys.stdout.write("\n")
    say("loss=0.25")
elif mode == "binary":
    rng = random.Random(7)
    out = sys.stdout.buffer
    for _ in range(64):
        out.write(bytes(rng.getrandbits(8) for _ in range(16384)))
    out.write(b"\nloss=0.125\n")
    out.flush()
elif mode == "progress":
    for step in range(0, 101, 5):
        sys.stdout.write("\r%3d%%|%-20s| loss=%.4f" % (step, "#" * (step // 5), 1.0 - step / 100.0 + 0.0625))
        sys.stdout.flush()
    sys.stdout.write("\r100%%|%s| loss=0.0625\n" % ("#" * 20))
    sys.stdout.flush()
elif mode == "ansi":
    say("\x1b[1m\x1b[32mepoch 1\x1b[0m \x1b[33mloss=\x1b[0m0.5")
    say("\x1b]0;title\x07\x1b[32mloss=\x1b[0m\x1b[1m0.03125\x1b[0m")
elif mode == "flood":
    lines = []
    for i in range(1, 1000001):
        lines.append("step %d" % i if i % 1000 else "step %d loss=%.6f" % (i, 15.625 * 1000.0 / i))
        if len(lines) == 10000:
            sys.stdout.write("\n".join(lines) + "\n")
            lines = []
    sys.stdout.flush()
elif mode == "silent":
    # prints, then goes quiet while still running: only MaxRuntimeInSeconds ends it
    say("loss=0.5")
    time.sleep(600)
elif mode == "close-stdout":
    say("loss=0.5")
    os.close(1)
    time.sleep(0.5)
    say("loss=0.0078125", sys.stderr)
    time.sleep(0.5)
elif mode == "orphan":
    # a background child keeps the output pipe open after the job exits
    child = subprocess.Popen(["sleep", "600"])
    note_pid(child.pid)
    say("loss=0.00390625")
elif mode == "runaway-regex":
    # a line on which the 'runaway' metric's (a+)+b backtracks exponentially
    say("a" * 5000 + "!")
    say("loss=0.001953125")
elif mode == "fail-once":
    marker = os.path.join(job_dir, "attempted")
    if not os.path.exists(marker):
        open(marker, "w").close()
        say("out of memory, pretend", sys.stderr)
        sys.exit(3)
    say("loss=0.0009765625")
elif mode == "always-fail-slow":
    time.sleep(1)
    say("still broken", sys.stderr)
    sys.exit(1)
else:
    say("unknown mode " + mode, sys.stderr)
    sys.exit(2)
