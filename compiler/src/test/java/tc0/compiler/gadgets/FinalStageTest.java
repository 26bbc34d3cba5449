package tc0.compiler.gadgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FinalStage} against the final stage written from its definition: per column j the comparators
 * {@code [V_j >= t 2^j - K_j]}, {@code t = 1 .. (V_j + K_j) >> j}, with {@code V_j = sum_{i <= j} h_i 2^i} and
 * {@code K_j} the constant's bits 0..j as exact integers (the stage computes them by a carry chain instead);
 * random columns, narrow and past 64 and 128 bits of sums, every saturation kind.
 *
 * <p>What is independent here and what is not: the arithmetic ({@code V_j}, {@code K_j}, the comparator counts as
 * exact BigIntegers) is written from the definition; the decision per bit (a constant, its one comparator, HI,
 * LO, SOLE or a combining gate, and the polarity it enters with) is written after the stage's own rule, so this
 * test shows only that the carry chain counts as the sums do. The decision is checked against built circuits
 * elsewhere: {@code ClosedCostTest} (closed costs == the CountingNet gate by gate) fails when the constant-bit
 * test {@code minus >= thr} is made {@code minus > thr}. The polarity of a HI or LO bit does not change any count
 * (flipping it passes ClosedCostTest, SumCount's and RepeatedSweep's tests), so it is checked only here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FinalStageTest {
    /** The stage's figures by the definition, BigInteger sums (as SumCount counted before the stage was one routine). */
    private record Want(long[] perLevel, BigInteger wires, ClosedSum.Kind[] kind, int[] level, boolean[] negated, boolean modelled, boolean exact) {}

    private static Want reference(int levels, long[] height, long[] fresh, int[] maxLevel, int[] lastLevel, int shift, int width, BigInteger constant,
            int hiKind, int loKind, int satLevel, boolean anyGroupGates) {
        long[] perLevel = new long[levels];
        BigInteger wires = BigInteger.ZERO;
        ClosedSum.Kind[] kind = new ClosedSum.Kind[width];
        int[] level = new int[width];
        boolean[] negated = new boolean[width];
        boolean modelled = true, exact = true;
        int top = shift + width, lastNonEmpty = -1, lastRead = -1;
        for (int j = 0; j < top; j++) if (height[j] != 0) lastNonEmpty = j;
        BigInteger v = BigInteger.ZERO;
        long n = 0, gates = 0; // gates past a long: the stage refuses them (ArithmeticException), as the counts did
        int maxLv = 0, soleLevel = 0;
        for (int j = 0; j < top; j++) {
            if (height[j] > 0) { n += fresh[j]; maxLv = Math.max(maxLv, maxLevel[j]); soleLevel = lastLevel[j]; }
            v = v.add(BigInteger.valueOf(height[j]).shiftLeft(j));
            if (j < shift) continue;
            BigInteger k = constant.and(BigInteger.ONE.shiftLeft(j + 1).subtract(BigInteger.ONE));
            long m = v.add(k).shiftRight(j).longValueExact(), t0 = Math.min(m, k.shiftRight(j).longValueExact());
            long rest = m - t0, odd = (m + 1) / 2 - (t0 + 1) / 2, even = rest - odd;
            long thr = t0 % 2 == 1 ? 0 : 1, plus = 0, minus = 0, terms = 0;
            int termLevel = 0;
            if (n >= 2 && rest > 0) lastRead = j;
            if (n >= 2) {
                if (rest > 0) {
                    perLevel[maxLv + 1] = Math.addExact(perLevel[maxLv + 1], rest);
                    gates = Math.addExact(gates, rest);
                    wires = wires.add(BigInteger.valueOf(rest).multiply(BigInteger.valueOf(n)));
                    termLevel = maxLv + 1;
                }
                plus += odd;
                minus -= even;
                terms += rest;
            } else if (n == 1 && rest > 0 && odd != even) {
                terms++;
                if (odd > even) plus += odd - even; else minus += odd - even;
                termLevel = soleLevel;
            }
            long wh = j - shift == width - 1 ? -2 : 2, wl = -wh;
            if (hiKind == 1) thr -= wh;
            else if (hiKind == 2) { terms++; if (wh > 0) plus += wh; else minus += wh; termLevel = Math.max(termLevel, satLevel); }
            if (loKind == 1) thr -= wl;
            else if (loKind == 2) { terms++; if (wl > 0) plus += wl; else minus += wl; termLevel = Math.max(termLevel, satLevel); }
            int b = j - shift;
            if (minus >= thr || plus < thr) {
                level[b] = -1;
                kind[b] = minus >= thr ? ClosedSum.Kind.TRUE : ClosedSum.Kind.FALSE;
                if (terms > 0) { modelled = false; exact = false; }
            } else if (terms == 1) {
                level[b] = termLevel;
                if (n >= 2 && rest == 1) { kind[b] = ClosedSum.Kind.COMPARATOR; negated[b] = plus == 0; }
                else if (hiKind == 2) { kind[b] = ClosedSum.Kind.HI; negated[b] = wh < 0; }
                else if (loKind == 2) { kind[b] = ClosedSum.Kind.LO; negated[b] = wl > 0; }
                else { kind[b] = ClosedSum.Kind.SOLE; modelled = false; }
            } else {
                perLevel[termLevel + 1]++;
                gates = Math.addExact(gates, 1);
                wires = wires.add(BigInteger.valueOf(terms));
                level[b] = termLevel + 1;
                kind[b] = ClosedSum.Kind.GATE;
            }
        }
        if (lastNonEmpty > lastRead && anyGroupGates) { modelled = false; exact = false; }
        return new Want(perLevel, wires, kind, level, negated, modelled, exact);
    }

    @Test
    void theCarryChainCountsAsTheSums() {
        Random r = new Random(18);
        FinalStage st = new FinalStage();
        int past64 = 0, past128 = 0;
        for (int t = 0; t < 20_000; t++) {
            int width = 1 + r.nextInt(t % 3 == 0 ? 100 : 30), shift = r.nextInt(t % 3 == 0 ? 26 : 8), top = shift + width;
            long[] height = new long[top], fresh = new long[top];
            int[] maxLevel = new int[top], lastLevel = new int[top];
            int kindOfColumns = r.nextInt(4);
            for (int j = 0; j < top; j++) {
                if (r.nextInt(5) == 0) continue; // an empty column
                height[j] = switch (kindOfColumns) {
                    case 0 -> 1 + r.nextInt(3); // as after the last round: a few entries a column
                    case 1 -> r.nextInt(2);
                    case 2 -> 1 + r.nextInt(1 << 20);
                    default -> 1 + r.nextLong(1L << (1 + r.nextInt(62))); // columns of every size: sums past 128 bits where top is wide, comparators past a long
                };
                fresh[j] = height[j] == 0 ? 0 : r.nextInt(4) == 0 ? r.nextLong(height[j] + 1) : height[j];
                lastLevel[j] = 1 + r.nextInt(6);
                maxLevel[j] = lastLevel[j] + r.nextInt(3);
            }
            BigInteger constant = new BigInteger(top, r);
            int hiKind = new int[] {-1, 1, 2}[r.nextInt(3)], loKind = new int[] {-1, 1, 2}[r.nextInt(3)], satLevel = 1 + r.nextInt(8);
            boolean groups = r.nextBoolean();
            Want want;
            try {
                want = reference(64, height, fresh, maxLevel, lastLevel, shift, width, constant, hiKind, loKind, satLevel, groups);
            } catch (ArithmeticException past) { // a column's comparators or the gates past a long: the stage refuses too
                long[] h = height;
                assertThrows(ArithmeticException.class, () -> st.run(new long[8], h, fresh, maxLevel, lastLevel, shift, width, constant.longValue(),
                        constant.shiftRight(64).longValue(), hiKind, loKind, satLevel, groups), "sum " + t);
                continue;
            }
            BigInteger v = BigInteger.ZERO;
            for (int j = 0; j < top; j++) v = v.add(BigInteger.valueOf(height[j]).shiftLeft(j));
            if (v.bitLength() > 64) past64++;
            if (v.bitLength() > 128) past128++;
            st.run(new long[8], height, fresh, maxLevel, lastLevel, shift, width, constant.longValue(), constant.shiftRight(64).longValue(), hiKind, loKind,
                    satLevel, groups);
            String what = "sum " + t + " shift " + shift + " width " + width;
            long[] got = java.util.Arrays.copyOf(st.perLevel, 64);
            assertArrayEquals(want.perLevel(), got, what + ": gates per level");
            assertEquals(java.util.Arrays.stream(want.perLevel()).sum(), st.gates, what + ": gates");
            BigInteger wires = BigInteger.valueOf(st.wires).add(st.wiresPast == null ? BigInteger.ZERO : st.wiresPast);
            assertEquals(want.wires(), wires, what + ": wires");
            assertArrayEquals(want.kind(), st.bitKind, what + ": kinds");
            assertArrayEquals(want.level(), st.bitLevel, what + ": levels");
            assertArrayEquals(want.negated(), st.bitNegated, what + ": negated");
            assertEquals(want.modelled(), st.modelled, what + ": modelled");
            assertEquals(want.exact(), st.countExact, what + ": exact");
        }
        assertEquals(true, past64 > 1000 && past128 > 200, "sums past 64 bits " + past64 + ", past 128 bits " + past128);
    }
}
