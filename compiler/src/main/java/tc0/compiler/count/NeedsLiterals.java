package tc0.compiler.count;

/**
 * Thrown where the class summary cannot count exactly (elements aliasing inside one gadget instance in a way
 * the summary does not model, or gates that no output needs): counting falls back to building, or refuses.
 */
final class NeedsLiterals extends RuntimeException {
    NeedsLiterals(String reason) {
        super(reason, null, false, false);
    }
}
