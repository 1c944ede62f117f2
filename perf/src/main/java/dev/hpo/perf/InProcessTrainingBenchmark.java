package dev.hpo.perf;

import dev.hpo.xgboost.TrainingMain;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The in-process floor under JMH: the whole built-in training job in a warm JVM, and the boosting
 * with its per-round evaluation alone on data already loaded. The data directory comes from the
 * system property {@code hpo.perf.data} (default examples/bank-marketing/data).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class InProcessTrainingBenchmark {
    private Path data;
    private Path model;
    private DMatrix train;
    private DMatrix validation;
    private final PrintStream discard = new PrintStream(OutputStream.nullOutputStream());

    @Setup
    public void setUp() throws IOException, XGBoostError {
        data = Path.of(System.getProperty("hpo.perf.data", "examples/bank-marketing/data")).toAbsolutePath();
        model = Files.createTempDirectory("hpo-jmh-");
        train = new DMatrix(data.resolve("train.csv") + "?format=csv&label_column=0");
        validation = new DMatrix(data.resolve("validation.csv") + "?format=csv&label_column=0");
    }

    @Benchmark
    public int wholeJobInProcess() {
        return TrainingMain.run(BankTrainingJob.arguments(), BankTrainingJob.environment(data, model), discard, discard);
    }

    @Benchmark
    public String boostingWithEvaluation() throws XGBoostError {
        Map<String, Object> params = new LinkedHashMap<>(BankTrainingJob.HYPERPARAMETERS);
        int rounds = Integer.parseInt((String) params.remove("num_round"));
        Map<String, DMatrix> watches = Map.of("validation", validation);
        Booster booster = XGBoost.train(train, params, 0, watches, null, null);
        DMatrix[] sets = {train, validation};
        String[] names = {"train", "validation"};
        String last = null;
        for (int round = 0; round < rounds; round++) {
            booster.update(train, round);
            last = booster.evalSet(sets, names, round);
        }
        booster.dispose();
        return last;
    }
}
