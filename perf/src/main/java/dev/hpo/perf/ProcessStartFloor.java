package dev.hpo.perf;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What starting a trivial child process costs from a JVM, with nothing else around it: {@code jobs}
 * runs of {@code command}, {@code parallel} at a time, each with its output read to the end as the
 * tuner's launcher does. The floor under the tuner's per-job cost.
 *
 * <p>Usage: {@code ProcessStartFloor <jobs> <parallel> <command...>}
 */
public final class ProcessStartFloor {
    private ProcessStartFloor() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int parallel = Integer.parseInt(args[1]);
        List<String> command = List.of(args).subList(2, args.length);
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < parallel; w++) {
            Thread worker = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    while (next.getAndIncrement() < jobs) {
                        Process process = new ProcessBuilder(command).start();
                        process.getOutputStream().close();
                        try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
                            while (out.read(buffer) >= 0) {
                                // drain
                            }
                            while (err.read(buffer) >= 0) {
                                // drain
                            }
                        }
                        process.waitFor();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(String.format(Locale.ROOT, "{\"jobs\": %d, \"parallel\": %d, \"wall_s\": %.3f, \"ms_per_job\": %.3f}",
                jobs, parallel, seconds, seconds * 1000 / jobs));
    }
}
