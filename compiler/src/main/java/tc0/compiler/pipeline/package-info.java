/**
 * A spec file through the stages as a library: read and check, elaborate for parameter values, count, lower.
 * The CLI and proofs-check both call it; every refusal is one {@link tc0.compiler.pipeline.PipelineException}
 * carrying the one-line diagnostic a user sees.
 */
package tc0.compiler.pipeline;
