package dev.hpo.jenkins.lanes

import org.jenkinsci.plugins.workflow.cps.CpsScript

/**
 * The block form's lanes (see TuneHyperparametersEachVariable). Trusted code: it runs outside the sandbox,
 * so it only calls Pipeline steps and the user's own closure, which stays sandboxed.
 * Each lane is a branch of Pipeline's parallel; inside it, one hpoTrainingJob block per training job
 * runs the body, so every body has its own flow head and can be cancelled alone.
 */
class TuneHyperparametersEach implements Serializable {
    private static final long serialVersionUID = 1L

    private final CpsScript script

    TuneHyperparametersEach(CpsScript script) {
        this.script = script
    }

    def call(Map arguments, Closure body) {
        script.steps.tuneHyperparametersEach(arguments) {
            int lanes = script.steps.hpoTrainingLanes()
            Map branches = [:]
            for (int lane = 1; lane <= lanes; lane++) {
                branches.put('training lane ' + lane, {
                    String trainingJob = script.steps.hpoNextTrainingJob()
                    while (trainingJob != null) {
                        script.steps.hpoTrainingJob(trainingJob) {
                            body()
                        }
                        trainingJob = script.steps.hpoNextTrainingJob()
                    }
                })
            }
            script.steps.parallel(branches)
        }
    }

    def call(Closure body) {
        call([:], body)
    }
}
