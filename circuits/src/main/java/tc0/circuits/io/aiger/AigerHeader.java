package tc0.circuits.io.aiger;

import tc0.circuits.io.CircuitFormatException;

/**
 * The header line {@code aag M I L O A} (ASCII) or {@code aig M I L O A} (binary), checked: tc0 reads
 * combinational AIGs only, so latches and the AIGER 1.9 property sections (B C J F) are refused.
 *
 * @param binary   true for {@code aig}
 * @param maxVar   M, the largest variable index
 * @param inputs   I
 * @param outputs  O
 * @param ands     A
 */
record AigerHeader(boolean binary, int maxVar, int inputs, int outputs, int ands) {
    /** The largest M accepted: literals {@code 2M+1} stay in an int, node ids below 2^30. */
    static final int MAX_VAR = (1 << 29) - 1;
    /**
     * The most inputs accepted. Binary AIGER inputs take no bytes in the file, so this bound, not the file
     * size, is what keeps a 30-byte header from making the reader allocate gigabytes.
     */
    static final int MAX_INPUTS = 1 << 24;

    static AigerHeader parse(String line, AigerInput in) throws CircuitFormatException {
        String[] f = line.trim().split("[ \t]+");
        boolean binary = f[0].equals("aig");
        if (!binary && !f[0].equals("aag")) {
            throw in.errorAtLine(1, "not an AIGER file: the header " + AigerInput.quote(line) + " does not start with 'aag' or 'aig'");
        }
        if (f.length < 6) throw in.errorAtLine(1, "header needs five numbers 'M I L O A' after '" + f[0] + "', found " + (f.length - 1));
        if (f.length > 10) throw in.errorAtLine(1, "header has " + (f.length - 1) + " numbers, AIGER has at most nine (M I L O A B C J F)");
        long[] n = new long[f.length - 1];
        for (int i = 0; i < n.length; i++) n[i] = number(f[i + 1], in);
        long m = n[0], inputs = n[1], latches = n[2], outputs = n[3], ands = n[4];
        if (latches > 0) throw in.errorAtLine(1, "sequential circuits are not supported: the header declares " + latches + " latches");
        for (int i = 5; i < n.length; i++) {
            if (n[i] > 0) {
                throw in.errorAtLine(1, "AIGER 1.9 properties (bad states, constraints, justice, fairness) are not supported");
            }
        }
        if (m > MAX_VAR || outputs > MAX_VAR) throw in.errorAtLine(1, "header numbers too large: tc0 reads at most " + MAX_VAR + " variables and outputs");
        if (inputs > MAX_INPUTS) throw in.errorAtLine(1, "too many inputs: " + inputs + "; tc0 reads at most " + MAX_INPUTS);
        if (m < inputs + ands) throw in.errorAtLine(1, "M = " + m + " is smaller than I + L + A = " + (inputs + ands));
        if (binary && m != inputs + ands) throw in.errorAtLine(1, "binary AIGER needs M = I + L + A, but M = " + m + " and I + L + A = " + (inputs + ands));
        return new AigerHeader(binary, (int) m, (int) inputs, (int) outputs, (int) ands);
    }

    /** Line of the k-th output literal. */
    int outputLine(int k) {
        return 2 + (binary ? 0 : inputs) + k;
    }

    /** Line of the k-th AND (ASCII only). */
    int andLine(int k) {
        return 2 + inputs + outputs + k;
    }

    private static long number(String s, AigerInput in) throws CircuitFormatException {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw in.errorAtLine(1, "header field " + AigerInput.quote(s) + " is not a non-negative number of at most 10 digits");
        }
        return Long.parseLong(s);
    }
}
