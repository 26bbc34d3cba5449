package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.UnaryFunction;

/** Change points found from the functions' shapes ({@link TablePieces}) equal those from every code. */
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
        };
        for (FixedFormat[] io : formats) {
            TableStats all = TableStats.of(f, io[0], io[1], false), pieces = TableStats.of(f, io[0], io[1], true);
            assertTrue(all.sameAs(pieces), f + " " + io[0] + " -> " + io[1]);
        }
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
        TableStats gelu = TableStats.of(UnaryFunction.GELU, f, f, true);
        assertTrue(gelu.partSizes()[0] <= 1, java.util.Arrays.toString(gelu.partSizes()));
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
