package tc0.circuits.eval;

/**
 * A circuit compiled for {@link BitParallelEvaluator}: a flat instruction stream over value slots. Each
 * slot holds one signal for a block of patterns; slots are reused once their signal is dead, so the
 * working set is the circuit's widest cut, not its size. Slot 0 is all zeros (the constant false).
 *
 * <p>An operand is {@code slot << 1 | invert}: the signal in the slot, complemented if the bit is set.
 * Instructions, each starting with its opcode ({@code dst} is a slot):
 * <ul>
 *   <li>{@link #AND2}, dst, a, b: the AND of two operands;
 *   <li>{@link #AND}, dst, n, n operands: the AND of n operands (an OR is stored as the AND of the
 *       complements, and its readers complement it back);
 *   <li>{@link #SLICED}, dst, n, width, k, n operands: 1 iff {@code sum_i constants[k+1+i] * operand_i >=
 *       constants[k]}, all weights positive, the sum below {@code 2^width}; done with a bit-sliced counter;
 *   <li>{@link #LANES}, dst, n, k, n operands: 1 iff {@code sum_i constants[k+1+i] * operand_i >= constants[k]}
 *       with any long weights, one pattern at a time in 128-bit arithmetic: for gates too wide to slice;
 *   <li>{@link #RECOMPARE}, dst, width, k: 1 iff the counter the instruction before it (a {@link #SLICED}
 *       or {@link #RECOMPARE} of the same terms and width) left is {@code >= constants[k]}: the next gate of
 *       a bank of comparators, which differs only in its threshold, costs a compare and no sum.
 * </ul>
 *
 * @param code      the instructions
 * @param constants thresholds and weights the instructions point into
 * @param maxWidth  largest counter width of a {@link #SLICED} instruction (0 if none)
 * @param inputSlot the slot each circuit input is loaded into, -1 where no gate reads the input
 * @param outputs   one operand per circuit output
 * @param stats     how the gates were compiled, and the number of slots (slot 0 included)
 */
record BitProgram(int[] code, long[] constants, int maxWidth, int[] inputSlot, int[] outputs, ProgramStats stats) {
    static final int AND2 = 0;
    static final int AND = 1;
    static final int SLICED = 2;
    static final int LANES = 3;
    static final int RECOMPARE = 4;

    int slots() {
        return stats.slots();
    }
}
