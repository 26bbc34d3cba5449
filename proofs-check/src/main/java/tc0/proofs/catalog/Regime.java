package tc0.proofs.catalog;

/**
 * The regime a claim holds in, as the source states it: precision, model width d against the input length n,
 * and layers (or steps, scales). A null field is one the source does not state.
 */
public record Regime(String precision, String width, String layers) {}
