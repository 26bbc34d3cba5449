package tc0.circuits.eval;

/**
 * Runs a {@link BitProgram} on one block of patterns: every slot is {@code block} consecutive longs of the
 * value array, slot s at offset {@code s * block}. A switch on the opcode, then a loop over the block's
 * words, so the per-gate dispatch is paid once per {@code 64 * block} patterns.
 */
final class BlockKernel {
    private final int[] code;
    private final long[] constants;
    private final int block;
    private final long[] counter;   // bit-sliced counter: maxWidth planes of block words
    private final long[] pend;      // a pending plane per counter plane (carry-save)
    private final long[] carry;     // one plane in flight between columns

    BlockKernel(BitProgram program, int block) {
        this.code = program.code();
        this.constants = program.constants();
        this.block = block;
        this.counter = new long[Math.max(1, program.maxWidth()) * block];
        this.pend = new long[counter.length];
        this.carry = new long[block];
    }

    /** Runs every instruction over the values in {@code v}, whose input slots are already loaded. */
    void run(long[] v) {
        final int[] code = this.code;
        final int b = block;
        int pc = 0;
        while (pc < code.length) {
            switch (code[pc]) {
                case BitProgram.AND2 -> {
                    and2(v, code[pc + 1] * b, code[pc + 2], code[pc + 3], b);
                    pc += 4;
                }
                case BitProgram.AND -> {
                    int n = code[pc + 2];
                    and(v, code[pc + 1] * b, code, pc + 3, n, b);
                    pc += 3 + n;
                }
                case BitProgram.SLICED -> {
                    int n = code[pc + 2];
                    sliced(v, code[pc + 1] * b, code, pc + 5, n, code[pc + 3], code[pc + 4]);
                    pc += 5 + n;
                }
                case BitProgram.RECOMPARE -> {
                    compare(v, code[pc + 1] * b, code[pc + 2], constants[code[pc + 3]]);
                    pc += 4;
                }
                case BitProgram.LANES -> {
                    int n = code[pc + 2];
                    lanes(v, code[pc + 1] * b, code, pc + 4, n, code[pc + 3]);
                    pc += 4 + n;
                }
                default -> throw new IllegalStateException("bad opcode " + code[pc] + " at " + pc);
            }
        }
    }

    private static void and2(long[] v, int d, int a, int c, int b) {
        int pa = (a >>> 1) * b, pc = (c >>> 1) * b;
        long ma = -(a & 1), mc = -(c & 1);
        for (int i = 0; i < b; i++) v[d + i] = (v[pa + i] ^ ma) & (v[pc + i] ^ mc);
    }

    private static void and(long[] v, int d, int[] code, int args, int n, int b) {
        int first = code[args];
        int p0 = (first >>> 1) * b;
        long m0 = -(first & 1);
        for (int i = 0; i < b; i++) v[d + i] = v[p0 + i] ^ m0;
        for (int k = 1; k < n; k++) {
            int op = code[args + k];
            int p = (op >>> 1) * b;
            long m = -(op & 1);
            for (int i = 0; i < b; i++) v[d + i] &= v[p + i] ^ m;
        }
    }

    /**
     * Adds each operand times its weight into a vertical counter (plane j holds bit j of the 64 sums of a
     * word), then compares it with the threshold from the top bit down. Each column keeps one pending
     * plane besides its sum plane, so adding a bit is a copy or one full adder whose carry goes to the
     * next column: carry-save, no data-dependent branch, about one full adder per operand bit.
     */
    private void sliced(long[] v, int d, int[] code, int args, int n, int width, int k) {
        final int b = block;
        java.util.Arrays.fill(counter, 0, width * b, 0L);
        long pending = 0; // bit j set: column j's pending plane holds a value
        for (int j = 0; j < n; j++) {
            int op = code[args + j];
            for (long w = constants[k + 1 + j]; w != 0; w &= w - 1) {
                pending = add(pending, Long.numberOfTrailingZeros(w), width, v, (op >>> 1) * b, -(op & 1));
            }
        }
        for (int q = 0; q < width; q++) { // fold each pending plane in with a half adder
            if ((pending >>> q & 1) == 0) continue;
            pending &= ~(1L << q);
            int base = q * b;
            for (int i = 0; i < b; i++) {
                long s = counter[base + i], p = pend[base + i];
                counter[base + i] = s ^ p;
                carry[i] = s & p;
            }
            pending = add(pending, q + 1, width, carry, 0, 0);
        }
        compare(v, d, width, constants[k]);
    }

    /** Writes {@code counter >= t} (the counter of the last {@link #sliced}, {@code width} planes) into slot {@code d}. */
    private void compare(long[] v, int d, int width, long t) {
        final int b = block;
        for (int i = 0; i < b; i++) {
            long greater = 0, equal = -1L;
            for (int q = width - 1; q >= 0; q--) {
                long s = counter[q * b + i];
                if ((t >>> q & 1) != 0) {
                    equal &= s;
                } else {
                    greater |= equal & s;
                    equal &= ~s;
                }
            }
            v[d + i] = greater | equal;
        }
    }

    /** Adds the plane {@code src[off..off+block) ^ mask} at column {@code q}; returns the new pending set. */
    private long add(long pending, int q, int width, long[] src, int off, long mask) {
        final int b = block;
        for (; q < width; q++) { // the sum fits the width, so nothing carries out of it
            int base = q * b;
            if ((pending >>> q & 1) == 0) {
                for (int i = 0; i < b; i++) pend[base + i] = src[off + i] ^ mask;
                return pending | 1L << q;
            }
            for (int i = 0; i < b; i++) {
                long y = src[off + i] ^ mask, s = counter[base + i], p = pend[base + i], x = s ^ p;
                counter[base + i] = x ^ y;
                carry[i] = (s & p) | (x & y);
            }
            pending &= ~(1L << q);
            src = carry;
            off = 0;
            mask = 0;
        }
        return pending;
    }

    /** One pattern at a time, exact: sums in 128 bits (hi, lo) never overflow for fewer than 2^63 fan-ins. */
    private void lanes(long[] v, int d, int[] code, int args, int n, int k) {
        final int b = block;
        long t = constants[k], tHi = t >> 63;
        for (int i = 0; i < b; i++) {
            long word = 0;
            for (int lane = 0; lane < 64; lane++) {
                long hi = 0, lo = 0;
                for (int j = 0; j < n; j++) {
                    int op = code[args + j];
                    long x = v[(op >>> 1) * b + i] >>> lane ^ op;
                    if ((x & 1) != 0) {
                        long w = constants[k + 1 + j];
                        long sum = lo + w;
                        hi += (w >> 63) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
                        lo = sum;
                    }
                }
                boolean ge = hi != tHi ? hi > tHi : Long.compareUnsigned(lo, t) >= 0;
                if (ge) word |= 1L << lane;
            }
            v[d + i] = word;
        }
    }
}
