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
