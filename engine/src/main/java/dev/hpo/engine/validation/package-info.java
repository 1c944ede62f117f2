/**
 * What is wrong with user input, by field path. Below both the config reader and the metric
 * definitions, which each find problems of their own, so neither needs the other to report them.
 */
package dev.hpo.engine.validation;
