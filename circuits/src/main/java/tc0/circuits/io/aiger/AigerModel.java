package tc0.circuits.io.aiger;

/**
 * An AIGER file as read, before any meaning is given to it: literals exactly as in the file.
 *
 * @param header      the checked header
 * @param inputs      the input literals (binary AIGER: 2, 4, ..., 2I)
 * @param outputs     the output literals
 * @param ands        three literals per AND: lhs, rhs0, rhs1
 * @param inputNames  symbol of each input, null where there is none
 * @param outputNames symbol of each output, null where there is none
 */
record AigerModel(AigerHeader header, int[] inputs, int[] outputs, int[] ands, String[] inputNames, String[] outputNames) {
    int andCount() {
        return ands.length / 3;
    }
}
