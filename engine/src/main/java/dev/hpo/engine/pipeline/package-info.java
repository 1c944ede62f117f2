/**
 * Everything a CI pipeline step needs from the engine, with no CI server's classes: step arguments
 * mapped onto the SageMaker-shaped config, the quality gate, the step's result, the bounded console
 * summary, the block form's launcher and the queue between its tuner and its lanes, and where an agent's training job directory lies. The Jenkins
 * plugin only adapts these to Jenkins; all decisions are made and tested here.
 */
package dev.hpo.engine.pipeline;
