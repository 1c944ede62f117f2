package dev.hpo.perf;

import dev.hpo.xgboost.TrainingJvm;

/**
 * Prints, one argument per line, the command the command line starts each built-in XGBoost training
 * job with. Run it on the command line's class path (cli/target) so the class path it prints is that
 * one; it makes the class data archive too if there is none yet.
 */
public final class PrintTrainingCommand {
    private PrintTrainingCommand() {
    }

    public static void main(String[] args) {
        TrainingJvm.command().forEach(System.out::println);
    }
}
