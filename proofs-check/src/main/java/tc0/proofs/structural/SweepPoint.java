package tc0.proofs.structural;

/**
 * The figures of one instance of a sweep: a model compiled (or counted) at one n.
 *
 * @param n     the size parameter
 * @param depth longest path in threshold gates
 * @param gates threshold gates
 * @param wires fan-in wires
 * @param width most gates on one level (an upper bound when counted, not built)
 */
public record SweepPoint(long n, long depth, long gates, long wires, long width) {
    public SweepPoint {
        if (n < 1 || depth < 0 || gates < 0 || wires < 0 || width < 0) {
            throw new IllegalArgumentException("bad sweep point n=" + n + " depth=" + depth + " gates=" + gates);
        }
    }
}
