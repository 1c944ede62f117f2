package dev.hpo.perf;

import dev.hpo.xgboost.TrainingMain;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The floor for one training job: the whole built-in job (data load, training, evaluation log, model
 * write) run in an already warm JVM, so no process start, no class loading and no JIT warm-up.
 * Prints one JSON line with the median of the measured runs.
 *
 * <p>Usage: {@code InProcessFloor <data dir> [warm-up runs] [measured runs]}
 */
public final class InProcessFloor {
    private InProcessFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path model = Files.createTempDirectory("hpo-floor-");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[measured];
        double[] cpu = new double[measured];
        for (int i = 0; i < warmUp + measured; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int code = TrainingMain.run(BankTrainingJob.arguments(), BankTrainingJob.environment(data, model), discard, System.err);
            long t1 = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            if (code != 0) {
                throw new IllegalStateException("the training job failed with exit code " + code);
            }
            if (i >= warmUp) {
                wall[i - warmUp] = (t1 - t0) / 1e9;
                cpu[i - warmUp] = (cpu1 - cpu0) / 1e9;
            }
        }
        System.out.println(String.format(Locale.ROOT, "{\"wall_s\": %.4f, \"cpu_s\": %.4f, \"runs\": %d}",
                Stats.median(wall), Stats.median(cpu), measured));
    }
}
