package dev.hpo.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.metric.MetricDefinition;
import dev.hpo.engine.space.SearchSpace;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated tuning job: the CreateHyperParameterTuningJob request with local paths resolved.
 * {@code request} keeps the JSON as the user wrote it, because Describe echoes it back.
 *
 * @param metricDefinitions every metric to scrape, the objective's included (predefined ones resolved)
 * @param maxRuntimePerJobSeconds StoppingCondition.MaxRuntimeInSeconds (SageMaker's default: one day)
 * @param randomSeed RandomSeed, or null when the user gave none
 * @param earlyStopping TrainingJobEarlyStoppingType
 * @param completionCriteria TuningJobCompletionCriteria (NONE when absent)
 * @param maxRetryAttempts RetryStrategy.MaximumRetryAttempts, 0 without a RetryStrategy
 * @param hyperband StrategyConfig.HyperbandStrategyConfig when the strategy is Hyperband, else null
 * @param warmStart WarmStartConfig with its parents located and checked, or null
 * @param notes settings that are legal but probably not what the user meant, to tell at tune start
 */
public record TuningJobConfig(
        String name,
        StrategyName strategy,
        Objective objective,
        ResourceLimits limits,
        SearchSpace space,
        Map<String, String> staticHyperParameters,
        Algorithm algorithm,
        List<MetricDefinition> metricDefinitions,
        List<Channel> channels,
        Path outputPath,
        Map<String, String> environment,
        long maxRuntimePerJobSeconds,
        Long randomSeed,
        List<String> ignoredFields,
        JsonNode request,
        EarlyStoppingType earlyStopping,
        CompletionCriteria completionCriteria,
        int maxRetryAttempts,
        HyperbandSettings hyperband,
        WarmStart warmStart,
        List<String> notes) {

    public TuningJobConfig(String name, StrategyName strategy, Objective objective, ResourceLimits limits, SearchSpace space,
                           Map<String, String> staticHyperParameters, Algorithm algorithm, List<MetricDefinition> metricDefinitions,
                           List<Channel> channels, Path outputPath, Map<String, String> environment, long maxRuntimePerJobSeconds,
                           Long randomSeed, List<String> ignoredFields, JsonNode request) {
        this(name, strategy, objective, limits, space, staticHyperParameters, algorithm, metricDefinitions, channels, outputPath,
                environment, maxRuntimePerJobSeconds, randomSeed, ignoredFields, request, EarlyStoppingType.Off,
                CompletionCriteria.NONE, 0, null, null, List.of());
    }

    public TuningJobConfig {
        earlyStopping = earlyStopping == null ? EarlyStoppingType.Off : earlyStopping;
        completionCriteria = completionCriteria == null ? CompletionCriteria.NONE : completionCriteria;
        staticHyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(staticHyperParameters));
        metricDefinitions = List.copyOf(metricDefinitions);
        channels = List.copyOf(channels);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        ignoredFields = List.copyOf(ignoredFields);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
