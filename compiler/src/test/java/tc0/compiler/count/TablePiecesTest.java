package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;

/** Change points found from the functions' shapes ({@link TablePieces}) equal those from every code. */
@org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class TablePiecesTest {
    @ParameterizedTest
    @EnumSource(UnaryFunction.class)
    void piecesFindEveryChange(UnaryFunction f) {
        FixedFormat[][] formats = {
            {FixedFormat.of(4, 6), FixedFormat.of(4, 6)},
            {FixedFormat.of(8, 8), FixedFormat.of(8, 8)},
            {FixedFormat.of(3, 11), FixedFormat.of(3, 11)},
            {FixedFormat.of(5, 7), FixedFormat.of(3, 9)},
            {FixedFormat.of(6, 6), FixedFormat.of(8, 4)},
            // slopes in output units per input code: x2, x1/2, x1 wider, x16, x1/64
            {FixedFormat.of(6, 8), FixedFormat.of(6, 9)},
            {FixedFormat.of(7, 9), FixedFormat.of(5, 8)},
            {FixedFormat.of(5, 10), FixedFormat.of(5, 10)},
            {FixedFormat.of(4, 6), FixedFormat.of(2, 10)},
            {FixedFormat.of(4, 10), FixedFormat.of(8, 4)},
        };
        for (FixedFormat[] io : formats) {
            TableStats all = TableStats.of(f, io[0], io[1], false), pieces = TableStats.of(f, io[0], io[1], true);
            assertTrue(all.sameAs(pieces), f + " " + io[0] + " -> " + io[1]);
        }
    }

    /** Counts over ranges and first changes, as lookups ask them, agree with the stats of every code. */
    @ParameterizedTest
    @EnumSource(UnaryFunction.class)
    void rangeQueriesAgreeWithEveryCode(UnaryFunction f) {
        java.util.Random r = new java.util.Random(f.ordinal());
        FixedFormat[][] formats = {{FixedFormat.of(5, 9), FixedFormat.of(5, 9)}, {FixedFormat.of(6, 8), FixedFormat.of(6, 9)}, {FixedFormat.of(7, 9), FixedFormat.of(5, 8)}};
        for (FixedFormat[] io : formats) {
            TableStats all = TableStats.of(f, io[0], io[1], false), pieces = TableStats.of(f, io[0], io[1], true);
            long n = all.length;
            for (int t = 0; t < 300; t++) {
                long from = t % 5 == 0 ? 0 : (long) (r.nextDouble() * n), to = t % 7 == 0 ? n - 1 : from + (long) (r.nextDouble() * (n - from));
                String what = f + " " + io[0] + " -> " + io[1] + " (" + from + ", " + to + "]";
                org.junit.jupiter.api.Assertions.assertEquals(all.breaks(from, to), pieces.breaks(from, to), what);
                for (int b = 0; b < all.outWidth(); b++) {
                    long c = all.changes(b, from, to);
                    org.junit.jupiter.api.Assertions.assertEquals(c, pieces.changes(b, from, to), what + " bit " + b);
                    if (c > 0) org.junit.jupiter.api.Assertions.assertEquals(all.firstChange(b, from), pieces.firstChange(b, from), what + " first of bit " + b);
                }
            }
        }
    }

    /**
     * At 2^20 entries, in the examples' case (the same format in and out), for each function the examples
     * tabulate: the stats from the pieces (step ranges and strides counted from their ends, no code listed)
     * record the changes that every code shows, answer the lookups' range queries alike, and find the same
     * identity tail as the builder's {@code TailLookup.start} on the whole table.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = UnaryFunction.class, names = {"GELU", "SILU", "SOFTPLUS", "SIGMOID", "TANH", "EXP",
            "SQRT", "RSQRT", "RECIPROCAL"})
    void piecesEqualEveryCodeAt2To20Entries(UnaryFunction f) {
        FixedFormat io = FixedFormat.of(4, 16);
        TableStats all = TableStats.of(f, io, io, false), pieces = TableStats.of(f, io, io, true);
        assertTrue(all.sameAs(pieces), f + " " + io);
        java.util.Random r = new java.util.Random(f.ordinal());
        long n = all.length;
        for (int t = 0; t < 200; t++) {
            long from = t % 5 == 0 ? 0 : (long) (r.nextDouble() * n), to = t % 7 == 0 ? n - 1 : from + (long) (r.nextDouble() * (n - from));
            String what = f + " (" + from + ", " + to + "]";
            org.junit.jupiter.api.Assertions.assertEquals(all.breaks(from, to), pieces.breaks(from, to), what);
            for (int b = 0; b < all.outWidth(); b++) {
                long c = all.changes(b, from, to);
                org.junit.jupiter.api.Assertions.assertEquals(c, pieces.changes(b, from, to), what + " bit " + b);
                if (c > 0) org.junit.jupiter.api.Assertions.assertEquals(all.firstChange(b, from), pieces.firstChange(b, from), what + " first of bit " + b);
            }
        }
        long[] table = f.table(io, io);
        org.junit.jupiter.api.Assertions.assertEquals(tc0.compiler.gadgets.TailLookup.start(table, io.width(), io.width()), pieces.identityFrom(), f + " tail");
    }

    /**
     * gat at n = 2^20: ELU's exp over words of 8 + 24 bits, 2^32 entries. Above slope one every code is a change up
     * to saturation (about 81 million), held as one every-index range of block counts, nothing listed; its counts
     * equal those of the codes themselves in windows, and bits 8 and up (a step is below 2^7 units there: e^x < 128)
     * change once per multiple of 2^b the value passes.
     */
    @org.junit.jupiter.api.Test
    void expOf32BitWordsHoldsItsSteepHalfAsOneEveryIndexRange() {
        FixedFormat io = FixedFormat.of(8, 24);
        UnaryFunction exp = UnaryFunction.EXP;
        TableStats t = TableStats.of(exp, io, io, true);
        int[] sizes = t.partSizes();
        assertTrue(sizes[0] == 0 && sizes[1] < 16 && sizes[4] == 1, java.util.Arrays.toString(sizes));
        long min = io.minCode(), zero = -min, one = 1L << 24; // index of the code of 0; codes per unit
        java.util.Random r = new java.util.Random(32);
        for (int w = 0; w < 24; w++) {
            long from = zero + (long) (r.nextDouble() * 5 * one), to = from + 1 + r.nextInt(w % 3 == 0 ? 9000 : 300);
            long breaks = 0;
            long[] changes = new long[io.width()];
            long[] first = new long[io.width()];
            long prev = exp.apply(min + from, io, io);
            for (long i = from + 1; i <= to; i++) {
                long v = exp.apply(min + i, io, io), d = v ^ prev;
                if (d != 0) breaks++;
                for (int b = 0; b < io.width(); b++) if ((d >>> b & 1) != 0 && changes[b]++ == 0) first[b] = i;
                prev = v;
            }
            String what = "exp (" + from + ", " + to + "]";
            org.junit.jupiter.api.Assertions.assertEquals(breaks, t.breaks(from, to), what);
            for (int b = 0; b < io.width(); b++) {
                org.junit.jupiter.api.Assertions.assertEquals(changes[b], t.changes(b, from, to), what + " bit " + b);
                if (changes[b] > 0) org.junit.jupiter.api.Assertions.assertEquals(first[b], t.firstChange(b, from), what + " first of bit " + b);
            }
        }
        long a = zero + one, z = zero + (long) (4.8 * one); // x from 1 to 4.8: e^4.8 = 121.5, below saturation at 128
        long va = exp.apply(min + a, io, io), vz = exp.apply(min + z, io, io);
        org.junit.jupiter.api.Assertions.assertEquals(z - a, t.breaks(a, z), "every code a change");
        for (int b = 8; b < io.width(); b++) {
            org.junit.jupiter.api.Assertions.assertEquals(Math.abs(Math.floorDiv(vz, 1L << b) - Math.floorDiv(va, 1L << b)), t.changes(b, a, z), "bit " + b);
        }
    }

    /** GELU and SILU above the mirror of their minimum move by one or two codes per code: strides, nothing scanned there. */
    @org.junit.jupiter.api.Test
    void steepHalvesOfGeluAndSiluAreStrides() {
        FixedFormat io = FixedFormat.of(8, 24);
        for (UnaryFunction fn : new UnaryFunction[] {UnaryFunction.GELU, UnaryFunction.SILU}) {
            TableStats t = TableStats.of(fn, io, io, true);
            int[] sizes = t.partSizes();
            assertTrue(sizes[0] == 2 && sizes[1] == 0 && sizes[2] == 0 && sizes[3] == 3, fn + " " + java.util.Arrays.toString(sizes));
        }
    }

    /** Where the slope is below one output unit per code, nothing is scanned: the counts come from the ends. */
    @org.junit.jupiter.api.Test
    void flatStretchesAreStepRanges() {
        FixedFormat f = FixedFormat.of(8, 16);
        for (UnaryFunction fn : new UnaryFunction[] {UnaryFunction.EXP, UnaryFunction.SIGMOID, UnaryFunction.TANH, UnaryFunction.SQRT,
                UnaryFunction.RSQRT, UnaryFunction.RECIPROCAL, UnaryFunction.SOFTPLUS, UnaryFunction.GELU, UnaryFunction.SILU}) {
            assertTrue(TableStats.of(fn, f, f, true).partSizes()[3] >= 1, fn + " has no step range");
        }
        FixedFormat fd = FixedFormat.of(9, 16);
        int[] sizes = TableStats.ofSoftmaxExp(fd, f, -(1L << 24) + 1).partSizes();
        assertTrue(sizes[3] == 1 && sizes[1] < 1000, java.util.Arrays.toString(sizes));
    }

    /** The lowering's ABS table: falling runs below 0, rising after (same fraction bits), else monotone pieces. */
    @org.junit.jupiter.api.Test
    void absPiecesFindEveryChange() {
        FixedFormat[][] formats = {
            {FixedFormat.of(4, 6), FixedFormat.of(4, 6)}, {FixedFormat.of(5, 7), FixedFormat.of(3, 7)},
            {FixedFormat.of(5, 7), FixedFormat.of(3, 9)}, {FixedFormat.of(6, 6), FixedFormat.of(8, 4)},
        };
        for (FixedFormat[] io : formats) {
            long[] table = new long[(int) io[0].size()];
            for (int i = 0; i < table.length; i++) table[i] = tc0.compiler.numerics.Rounding.toFormat(Math.abs(io[0].minCode() + i), io[0].fracBits(), io[1]);
            TableStats pieces = TableStats.ofAbs(io[0], io[1]);
            assertTrue(TableStats.of(table, io[1].width()).sameAs(pieces), "abs " + io[0] + " -> " + io[1]);
            if (io[0].fracBits() == io[1].fracBits()) assertTrue(pieces.partSizes()[2] >= 2, "runs " + java.util.Arrays.toString(pieces.partSizes()));
        }
    }

    /** Wide tables are kept as lists and runs, not bit sets over every code: RELU and GELU at 22 bits. */
    @org.junit.jupiter.api.Test
    void wideTablesOfMonotonePiecesHoldNoDenseRange() {
        FixedFormat f = FixedFormat.of(8, 14);
        TableStats relu = TableStats.of(UnaryFunction.RELU, f, f, true);
        assertTrue(relu.partSizes()[0] == 0 && relu.partSizes()[2] >= 1, java.util.Arrays.toString(relu.partSizes()));
        assertTrue(relu.breaks(0, f.size() - 1) == f.maxCode(), "relu changes at every positive code");
        for (UnaryFunction fn : new UnaryFunction[] {UnaryFunction.GELU, UnaryFunction.SILU}) { // two windows of 128 codes, no list
            int[] sizes = TableStats.of(fn, f, f, true).partSizes();
            assertTrue(sizes[0] <= 2 && sizes[1] == 0 && sizes[2] == 0, fn + " " + java.util.Arrays.toString(sizes));
        }
    }

    @org.junit.jupiter.api.Test
    void softmaxExpAndRampAgreeWithEveryCode() {
        FixedFormat fd = FixedFormat.of(9, 8), fe = FixedFormat.of(8, 8);
        long lo = -(1L << 15) + 1;
        TableStats exp = TableStats.ofSoftmaxExp(fd, fe, lo);
        long[] table = new long[(int) -lo + 1];
        for (int i = 0; i < table.length; i++) table[i] = UnaryFunction.EXP.apply(lo + i, fd, fe);
        assertTrue(TableStats.of(table, fe.width()).sameAs(exp));
        long[] ramp = new long[257];
        for (int t = 0; t < ramp.length; t++) ramp[t] = t;
        assertTrue(TableStats.of(ramp, 10).sameAs(TableStats.ramp(256, 10)));
    }
}
