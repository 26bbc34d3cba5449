package tc0.circuits.io.aiger;

import java.io.IOException;
import java.util.Arrays;
import tc0.circuits.io.CircuitFormatException;

/**
 * Bytes to {@link AigerModel}: header, inputs (ASCII only: binary inputs are implicit), outputs, ANDs (ASCII
 * lines or binary deltas), then the symbol table up to the comment section. Each literal is range-checked
 * as it is read; what needs the whole file (undefined variables, cycles) is {@link AigerToCircuit}'s job.
 * Arrays grow with the bytes actually read, never with what the header claims.
 */
final class AigerParser {
    private final AigerInput in;
    private AigerHeader h;
    private long maxLiteral;

    private AigerParser(AigerInput in) {
        this.in = in;
    }

    static AigerModel parse(AigerInput in) throws IOException, CircuitFormatException {
        return new AigerParser(in).parse();
    }

    private AigerModel parse() throws IOException, CircuitFormatException {
        String first = in.readLine();
        if (first == null) throw new CircuitFormatException(in.file() + ": empty file, not an AIGER circuit");
        h = AigerHeader.parse(first, in);
        maxLiteral = 2L * h.maxVar() + 1;
        int[] inputs = h.binary() ? null : asciiInputs();
        int[] outputs = outputs();
        int[] ands = h.binary() ? binaryAnds() : asciiAnds();
        if (inputs == null) {
            inputs = new int[h.inputs()];
            for (int k = 0; k < inputs.length; k++) inputs[k] = 2 * (k + 1);
        }
        String[] inputNames = new String[h.inputs()];
        String[] outputNames = new String[h.outputs()];
        symbols(inputNames, outputNames);
        return new AigerModel(h, inputs, outputs, ands, inputNames, outputNames);
    }

    private int[] asciiInputs() throws IOException, CircuitFormatException {
        int[] inputs = new int[Math.min(h.inputs(), 1024)];
        for (int k = 0; k < h.inputs(); k++) {
            int line = in.line();
            int lit = numbers(in.requireLine("input " + k), 1, line, "input line")[0];
            if (lit < 2 || (lit & 1) != 0 || lit > maxLiteral) {
                throw in.errorAtLine(line, "input literal " + lit + " must be even and between 2 and 2M = " + (maxLiteral - 1));
            }
            inputs = ensure(inputs, k + 1);
            inputs[k] = lit;
        }
        return Arrays.copyOf(inputs, h.inputs());
    }

    private int[] outputs() throws IOException, CircuitFormatException {
        int[] outputs = new int[Math.min(h.outputs(), 1024)];
        for (int k = 0; k < h.outputs(); k++) {
            int line = in.line();
            int lit = numbers(in.requireLine("output " + k), 1, line, "output line")[0];
            checkLiteral(lit, line, "output literal");
            outputs = ensure(outputs, k + 1);
            outputs[k] = lit;
        }
        return Arrays.copyOf(outputs, h.outputs());
    }

    private int[] asciiAnds() throws IOException, CircuitFormatException {
        int[] ands = new int[3 * Math.min(h.ands(), 1024)];
        for (int k = 0; k < h.ands(); k++) {
            int line = in.line();
            int[] f = numbers(in.requireLine("AND " + k), 3, line, "AND line 'lhs rhs0 rhs1'");
            if (f[0] < 2 || (f[0] & 1) != 0 || f[0] > maxLiteral) {
                throw in.errorAtLine(line, "AND literal " + f[0] + " must be even and between 2 and 2M = " + (maxLiteral - 1));
            }
            checkLiteral(f[1], line, "AND input literal");
            checkLiteral(f[2], line, "AND input literal");
            ands = ensure(ands, 3 * k + 3);
            System.arraycopy(f, 0, ands, 3 * k, 3);
        }
        return Arrays.copyOf(ands, 3 * h.ands());
    }

    /** Binary ANDs: lhs is implicit (2(I+k+1)), then rhs0 = lhs - delta0 and rhs1 = rhs0 - delta1, LEB128-coded. */
    private int[] binaryAnds() throws IOException, CircuitFormatException {
        int[] ands = new int[3 * Math.min(h.ands(), 1024)];
        for (int k = 0; k < h.ands(); k++) {
            long at = in.offset();
            int lhs = 2 * (h.inputs() + k + 1);
            int delta0 = delta(k);
            int delta1 = delta(k);
            if (delta0 == 0 || delta0 > lhs) {
                throw in.errorAtByte(at, "AND " + k + " (literal " + lhs + "): first input delta " + delta0
                        + " must be between 1 and " + lhs + " (inputs come before the AND)");
            }
            int rhs0 = lhs - delta0;
            if (delta1 > rhs0) {
                throw in.errorAtByte(at, "AND " + k + " (literal " + lhs + "): second input delta " + delta1 + " exceeds the first input " + rhs0);
            }
            ands = ensure(ands, 3 * k + 3);
            ands[3 * k] = lhs;
            ands[3 * k + 1] = rhs0;
            ands[3 * k + 2] = rhs0 - delta1;
        }
        return Arrays.copyOf(ands, 3 * h.ands());
    }

    private int delta(int k) throws IOException, CircuitFormatException {
        long at = in.offset();
        long value = 0;
        for (int i = 0; i < 5; i++) {
            int b = in.read();
            if (b < 0) throw in.errorAtByte(in.offset(), "truncated: the file ends inside AND " + k + " of " + h.ands());
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value > Integer.MAX_VALUE) break;
                return (int) value;
            }
        }
        throw in.errorAtByte(at, "AND " + k + ": delta does not fit in 32 bits");
    }

    /** Symbol lines {@code i<k> name} and {@code o<k> name}, until the end or a line starting with 'c'. */
    private void symbols(String[] inputNames, String[] outputNames) throws IOException, CircuitFormatException {
        while (in.peek() >= 0 && in.peek() != 'c') {
            int line = in.line();
            String s = in.readLine();
            char kind = s.isEmpty() ? ' ' : s.charAt(0);
            String[] names = kind == 'i' ? inputNames : kind == 'o' ? outputNames : null;
            if (names == null) {
                throw in.errorAtLine(line, "expected a symbol 'i<k> name' or 'o<k> name', or 'c' to start comments, found " + AigerInput.quote(s));
            }
            int space = s.indexOf(' ');
            String digits = space < 0 ? s.substring(1) : s.substring(1, space);
            if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw in.errorAtLine(line, "symbol " + AigerInput.quote(s) + " does not start with '" + kind + "' and a position");
            }
            long pos = Long.parseLong(digits);
            String what = kind == 'i' ? "input" : "output";
            if (pos >= names.length) throw in.errorAtLine(line, "symbol for " + what + " " + pos + ", but there are " + names.length + " " + what + "s");
            if (space < 0 || space == s.length() - 1) throw in.errorAtLine(line, "symbol for " + what + " " + pos + " has no name");
            if (names[(int) pos] != null) throw in.errorAtLine(line, what + " " + pos + " is named twice");
            names[(int) pos] = s.substring(space + 1);
        }
    }

    private int[] numbers(String s, int count, int line, String what) throws CircuitFormatException {
        String[] f = s.trim().split("[ \t]+");
        if (f.length != count || f[0].isEmpty()) {
            throw in.errorAtLine(line, "expected " + what + " of " + count + (count == 1 ? " number" : " numbers") + ", found " + AigerInput.quote(s));
        }
        int[] n = new int[count];
        for (int i = 0; i < count; i++) {
            if (f[i].length() > 10 || !f[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw in.errorAtLine(line, AigerInput.quote(f[i]) + " is not a literal (a non-negative number)");
            }
            long v = Long.parseLong(f[i]);
            if (v > maxLiteral) throw in.errorAtLine(line, "literal " + v + " out of range: the header's M = " + h.maxVar() + " allows at most " + maxLiteral);
            n[i] = (int) v;
        }
        return n;
    }

    private void checkLiteral(int lit, int line, String what) throws CircuitFormatException {
        if (lit < 0 || lit > maxLiteral) throw in.errorAtLine(line, what + " " + lit + " out of range: M = " + h.maxVar() + " allows at most " + maxLiteral);
    }

    private static int[] ensure(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, 2 * a.length));
    }
}
