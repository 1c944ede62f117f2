package dev.hpo.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The arguments both forms of the step share. Each maps one to one onto a field of the engine's
 * SageMaker-shaped config (see dev.hpo.engine.pipeline.StepConfigMapper, which does the mapping and
 * is tested without Jenkins); this class only holds them, so the Snippet Generator can round-trip.
 */
public abstract class AbstractTuningStep extends Step {
    private String name;
    private String config;
    private String objective;
    private String objectiveType;
    private List<RangeSpec> ranges;
    private Map<String, Object> staticHyperParameters;
    private String strategy;
    private Map<String, Object> strategyConfig;
    private Integer maxJobs;
    private Integer maxParallelJobs;
    private Integer maxRuntime;
    private Integer maxRuntimePerJob;
    private List<MetricDefinitionSpec> metricDefinitions;
    private String earlyStopping;
    private CompletionCriteriaSpec completionCriteria;
    private Integer retries;
    private Long randomSeed;
    private WarmStartSpec warmStart;
    private Map<String, Object> environment;
    private Map<String, Object> inputs;
    private String outputDirectory;
    private List<QualityGateSpec> qualityGates;

    /** The arguments as the engine's mapper reads them: only those given, as plain JDK values. */
    public Map<String, Object> tuningArguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        put(args, "name", name);
        put(args, "objective", objective);
        put(args, "objectiveType", objectiveType);
        if (ranges != null) {
            List<Object> list = new ArrayList<>();
            ranges.forEach(range -> list.add(range.toArgument()));
            args.put("ranges", list);
        }
        put(args, "staticHyperParameters", staticHyperParameters);
        put(args, "strategy", strategy);
        put(args, "strategyConfig", strategyConfig);
        put(args, "maxJobs", maxJobs);
        put(args, "maxParallelJobs", maxParallelJobs);
        put(args, "maxRuntime", maxRuntime);
        put(args, "maxRuntimePerJob", maxRuntimePerJob);
        if (metricDefinitions != null) {
            List<Object> list = new ArrayList<>();
            metricDefinitions.forEach(definition -> list.add(definition.toArgument()));
            args.put("metricDefinitions", list);
        }
        put(args, "earlyStopping", earlyStopping);
        put(args, "completionCriteria", completionCriteria == null ? null : completionCriteria.toArgument());
        put(args, "retries", retries);
        put(args, "randomSeed", randomSeed);
        put(args, "environment", environment);
        put(args, "inputs", inputs);
        put(args, "outputDirectory", outputDirectory);
        return args;
    }

    /** The quality gates as the engine reads them. */
    public List<Map<String, Object>> gateArguments() {
        List<Map<String, Object>> gates = new ArrayList<>();
        if (qualityGates != null) {
            qualityGates.forEach(gate -> gates.add(gate.toArgument()));
        }
        return gates;
    }

    private static void put(Map<String, Object> args, String key, @CheckForNull Object value) {
        if (value != null) {
            args.put(key, value);
        }
    }

    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = emptyToNull(name);
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = emptyToNull(config);
    }

    public String getObjective() {
        return objective;
    }

    @DataBoundSetter
    public void setObjective(String objective) {
        this.objective = emptyToNull(objective);
    }

    public String getObjectiveType() {
        return objectiveType;
    }

    @DataBoundSetter
    public void setObjectiveType(String objectiveType) {
        this.objectiveType = emptyToNull(objectiveType);
    }

    public List<RangeSpec> getRanges() {
        return ranges;
    }

    @DataBoundSetter
    public void setRanges(List<RangeSpec> ranges) {
        this.ranges = ranges;
    }

    public Map<String, Object> getStaticHyperParameters() {
        return staticHyperParameters;
    }

    @DataBoundSetter
    public void setStaticHyperParameters(Map<String, Object> staticHyperParameters) {
        this.staticHyperParameters = staticHyperParameters;
    }

    public String getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = emptyToNull(strategy);
    }

    public Map<String, Object> getStrategyConfig() {
        return strategyConfig;
    }

    @DataBoundSetter
    public void setStrategyConfig(Map<String, Object> strategyConfig) {
        this.strategyConfig = strategyConfig;
    }

    public Integer getMaxJobs() {
        return maxJobs;
    }

    @DataBoundSetter
    public void setMaxJobs(Integer maxJobs) {
        this.maxJobs = maxJobs;
    }

    public Integer getMaxParallelJobs() {
        return maxParallelJobs;
    }

    @DataBoundSetter
    public void setMaxParallelJobs(Integer maxParallelJobs) {
        this.maxParallelJobs = maxParallelJobs;
    }

    public Integer getMaxRuntime() {
        return maxRuntime;
    }

    @DataBoundSetter
    public void setMaxRuntime(Integer maxRuntime) {
        this.maxRuntime = maxRuntime;
    }

    public Integer getMaxRuntimePerJob() {
        return maxRuntimePerJob;
    }

    @DataBoundSetter
    public void setMaxRuntimePerJob(Integer maxRuntimePerJob) {
        this.maxRuntimePerJob = maxRuntimePerJob;
    }

    public List<MetricDefinitionSpec> getMetricDefinitions() {
        return metricDefinitions;
    }

    @DataBoundSetter
    public void setMetricDefinitions(List<MetricDefinitionSpec> metricDefinitions) {
        this.metricDefinitions = metricDefinitions;
    }

    public String getEarlyStopping() {
        return earlyStopping;
    }

    @DataBoundSetter
    public void setEarlyStopping(String earlyStopping) {
        this.earlyStopping = emptyToNull(earlyStopping);
    }

    public CompletionCriteriaSpec getCompletionCriteria() {
        return completionCriteria;
    }

    @DataBoundSetter
    public void setCompletionCriteria(CompletionCriteriaSpec completionCriteria) {
        this.completionCriteria = completionCriteria;
    }

    public Integer getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    public Long getRandomSeed() {
        return randomSeed;
    }

    @DataBoundSetter
    public void setRandomSeed(Long randomSeed) {
        this.randomSeed = randomSeed;
    }

    public WarmStartSpec getWarmStart() {
        return warmStart;
    }

    @DataBoundSetter
    public void setWarmStart(WarmStartSpec warmStart) {
        this.warmStart = warmStart;
    }

    public Map<String, Object> getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(Map<String, Object> environment) {
        this.environment = environment;
    }

    public Map<String, Object> getInputs() {
        return inputs;
    }

    @DataBoundSetter
    public void setInputs(Map<String, Object> inputs) {
        this.inputs = inputs;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    @DataBoundSetter
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = emptyToNull(outputDirectory);
    }

    public List<QualityGateSpec> getQualityGates() {
        return qualityGates;
    }

    @DataBoundSetter
    public void setQualityGates(List<QualityGateSpec> qualityGates) {
        this.qualityGates = qualityGates;
    }

    static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
