package dev.hpo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bank-marketing example with real XGBoost training jobs, run by the {@code hpo} command line as
 * a user would: Random against Bayesian, several seeds, best validation AUC after the example's 20 jobs
 * (3 in parallel) and the wall time of the whole {@code hpo tune}. Needs
 * {@code bin/hpo prepare-bank-marketing} once.
 */
final class BankMarketing {
    private static final Path EXAMPLE = Path.of("examples/bank-marketing/tuning-job.json");

    private BankMarketing() {
    }

    static void run(int seeds, Path hpo, PrintStream out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path data = EXAMPLE.toAbsolutePath().getParent().resolve("data");
        if (!Files.isRegularFile(data.resolve("train.csv"))) {
            throw new IllegalStateException("no " + data.resolve("train.csv") + "; run bin/hpo prepare-bank-marketing first");
        }
        Path work = Files.createTempDirectory("hpo-bench-bank-");
        out.println();
        out.println("| strategy | seeds | best validation AUC at 20 jobs, median [q25–q75] | per seed | wall s per tuning job, median [q25–q75] |");
        out.println("|---|---|---|---|---|");
        for (String strategy : List.of("Random", "Bayesian")) {
            double[] auc = new double[seeds];
            double[] wall = new double[seeds];
            StringBuilder perSeed = new StringBuilder();
            for (int seed = 0; seed < seeds; seed++) {
                ObjectNode config = (ObjectNode) json.readTree(EXAMPLE.toFile());
                String name = "bank-" + strategy.toLowerCase() + "-" + seed;
                config.put("HyperParameterTuningJobName", name);
                ObjectNode tuning = (ObjectNode) config.get("HyperParameterTuningJobConfig");
                tuning.put("Strategy", strategy);
                tuning.put("RandomSeed", seed);
                for (JsonNode channel : config.get("TrainingJobDefinition").get("InputDataConfig")) {
                    ObjectNode source = (ObjectNode) channel.get("DataSource").get("S3DataSource");
                    source.put("S3Uri", data.resolve(Path.of(source.get("S3Uri").asText()).getFileName()).toString());
                }
                Path file = work.resolve(name + ".json");
                json.writeValue(file.toFile(), config);
                long started = System.nanoTime();
                Process process = new ProcessBuilder(hpo.toAbsolutePath().toString(), "tune", file.toString(), "--output", work.toString())
                        .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
                int exit = process.waitFor();
                wall[seed] = (System.nanoTime() - started) / 1e9;
                if (exit != 0) {
                    throw new IllegalStateException("hpo tune exited with " + exit + "; see " + work.resolve(name + ".log"));
                }
                JsonNode result = json.readTree(work.resolve(name).resolve("tuning-job.json").toFile());
                auc[seed] = result.path("bestTrainingJob").path("finalObjective").asDouble();
                perSeed.append(seed == 0 ? "" : ", ").append(String.format("%.4f", auc[seed]));
            }
            Quartiles a = Quartiles.of(auc);
            Quartiles w = Quartiles.of(wall);
            out.println("| " + strategy + " | " + seeds + " | " + String.format("%.4f [%.4f–%.4f]", a.median(), a.q25(), a.q75())
                    + " | " + perSeed + " | " + w.format() + " |");
            out.flush();
        }
        out.println();
        out.println("(job directories and logs kept in " + work + ")");
    }
}
