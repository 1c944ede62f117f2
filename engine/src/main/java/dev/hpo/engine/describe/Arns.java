package dev.hpo.engine.describe;

/**
 * Identifiers in the shape SageMaker's responses carry, under a local partition, so tools that read
 * the ARN fields find strings of the expected form without pretending to be AWS resources.
 */
final class Arns {
    private Arns() {
    }

    static String tuningJob(String name) {
        return "arn:local:hpo:local:000000000000:hyper-parameter-tuning-job/" + name.toLowerCase();
    }

    static String trainingJob(String name) {
        return "arn:local:hpo:local:000000000000:training-job/" + name.toLowerCase();
    }
}
