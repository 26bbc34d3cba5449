package tc0.circuits.gpu;

/**
 * A circuit as the GPU kernel reads it: operations grouped by level, each a range of fan-in operands and a
 * range of outputs, in flat arrays uploaded once and reused for every batch of patterns. A value slot holds
 * one signal for a batch ({@code stride} words of 64 patterns, slot s at word {@code s * stride}); slot 0 is
 * all zeros (the constant false) and slots {@code 1 .. inputs} hold the circuit's inputs. Slots are given
 * back after the last level that reads them, so a batch needs the widest live cut of slots, not one per gate.
 *
 * <p>An operand is {@code slot << 1 | invert}. Operation {@code o}, on level l when {@code levelStart[l] <= o
 * < levelStart[l + 1]}, reads operands {@code opFanin[o] .. opFanin[o + 1]} and writes slots
 * {@code outSlot[opOut[o] .. opOut[o + 1]]}:
 * <ul>
 *   <li>{@link #AND}: the AND of its operands, one output (an OR is stored as the AND of the complements,
 *       its readers complement it back);
 *   <li>{@link #SLICED}: a bank of comparators: the weighted sum {@code sum_i weight[i] * operand_i}, all
 *       weights positive and the sum below {@code 2^opWidth[o]}, is counted once in a bit-sliced counter and
 *       compared with each output's {@code threshold}: output r is 1 iff the sum is {@code >= threshold[r]};
 *   <li>{@link #LANES}: one output, 1 iff {@code sum_i weight[i] * operand_i >= threshold}, any long weights,
 *       one pattern at a time in exact 128-bit arithmetic (sums too wide for a counter).
 * </ul>
 *
 * @param inputs     circuit inputs (slots 1 .. inputs)
 * @param slots      value slots per pattern word, slot 0 and the inputs included
 * @param levelStart levels + 1 entries: the first operation of each level, then the operation count
 * @param opKind     per operation: {@link #AND}, {@link #SLICED} or {@link #LANES}
 * @param opWidth    per operation: the counter's width (planes) of a {@link #SLICED}, else 0
 * @param opFanin    operations + 1 entries: where each operation's operands start in {@code operand}
 * @param opOut      operations + 1 entries: where each operation's outputs start in {@code outSlot}
 * @param operand    fan-in operands
 * @param weight     one per operand (unused by {@link #AND})
 * @param outSlot    the slot each output is written to
 * @param threshold  one per output (unused by {@link #AND})
 * @param outputs    one operand per circuit output: what the gather kernel copies back
 * @param gates      live gates the operations compute (a bank's gates each counted)
 */
public record KernelArrays(int inputs, int slots, int[] levelStart, int[] opKind, int[] opWidth, int[] opFanin,
                           int[] opOut, int[] operand, long[] weight, int[] outSlot, long[] threshold, int[] outputs,
                           long gates) {
    public static final int AND = 0;
    public static final int SLICED = 1;
    public static final int LANES = 2;
    /** Widest counter: the kernel's per-thread counter arrays have this many planes. */
    public static final int MAX_WIDTH = 62;

    public int levels() {
        return levelStart.length - 1;
    }

    public int operations() {
        return opKind.length;
    }

    /** Operations on level {@code l}. */
    public int width(int l) {
        return levelStart[l + 1] - levelStart[l];
    }

    /**
     * Words of 64 patterns the kernel must read or write per pattern word: every operand once and every
     * output once (a bank's sum read once for all its comparators). Times 8 bytes and the pattern words, the
     * least memory traffic an evaluation can have when no value stays on chip.
     */
    public long wordsMovedPerPatternWord() {
        return operand.length + outSlot.length;
    }

    /** Bytes of the arrays themselves (uploaded once). */
    public long arrayBytes() {
        return 4L * (levelStart.length + opKind.length + opWidth.length + opFanin.length + opOut.length
                + operand.length + outSlot.length + outputs.length) + 8L * (weight.length + threshold.length);
    }
}
