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
 *
 * <p>The training jobs are the built-in algorithm (XGBoost4J) or, with {@link Trainer#PYTHON}, the same
 * tuning job run on Debian's Python XGBoost through {@code bench/python/xgboost_job.py}: the build
 * Optuna's reference figures were measured with, so that hpo's search and Optuna's meet on one trainer.
 */
final class BankMarketing {
    private static final Path EXAMPLE = Path.of("examples/bank-marketing/tuning-job.json");

    private static final Path PYTHON_JOB = Path.of("bench/python/xgboost_job.py");

    enum Trainer {
        BUILTIN, PYTHON;

        static Trainer parse(String name) {
            return switch (name) {
                case "builtin" -> BUILTIN;
                case "python" -> PYTHON;
                default -> throw new IllegalArgumentException("--trainer must be builtin or python, not '" + name + "'");
            };
        }
    }

    private BankMarketing() {
    }

    static void run(int seeds, Path hpo, Trainer trainer, PrintStream out) throws Exception {
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
                String name = "bank-" + (trainer == Trainer.PYTHON ? "python-" : "") + strategy.toLowerCase() + "-" + seed;
                config.put("HyperParameterTuningJobName", name);
                if (trainer == Trainer.PYTHON) {
                    usePythonXgboost((ObjectNode) config.get("TrainingJobDefinition"), json);
                }
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
            out.println("| " + strategy + (trainer == Trainer.PYTHON ? ", Python XGBoost" : "") + " | " + seeds + " | " + String.format("%.4f [%.4f–%.4f]", a.median(), a.q25(), a.q75())
                    + " | " + perSeed + " | " + w.format() + " |");
            out.flush();
        }
        out.println();
        out.println("(job directories and logs kept in " + work + ")");
    }

    /** The example's training job as a program: the Python script, with the objective scraped from its lines. */
    private static void usePythonXgboost(ObjectNode definition, ObjectMapper json) {
        if (!Files.isRegularFile(PYTHON_JOB)) {
            throw new IllegalStateException("no " + PYTHON_JOB.toAbsolutePath() + "; run bin/bench from the repository");
        }
        ObjectNode algorithm = definition.putObject("AlgorithmSpecification");
        algorithm.putArray("ContainerEntrypoint").add("/usr/bin/python3").add(PYTHON_JOB.toAbsolutePath().toString());
        ObjectNode metric = algorithm.putArray("MetricDefinitions").addObject();
        metric.put("Name", "validation:auc");
        metric.put("Regex", "validation-auc:([0-9.eE+-]+)");
    }
}
