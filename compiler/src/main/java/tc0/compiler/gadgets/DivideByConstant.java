package tc0.compiler.gadgets;

import java.math.BigInteger;
import tc0.compiler.numerics.FixedFormat;
import tc0.compiler.numerics.Rounding;

/**
 * Division by a constant: the code {@code y = saturate(divRound(V 2^a, D))} ({@link Rounding#divRound}:
 * nearest, ties up, for every sign) of the value {@code V} of a {@link LinearForm} (constant integer weights
 * over literals), {@code D > 0} and {@code a >= 0} constants, saturated to {@code out}. Reduce MEAN and
 * resampling are this with {@code V} the exact weighted sum of the inputs. Four constructions, all of
 * constant depth whatever the number of terms (past a long, SPLIT over exact numbers: {@link DivideWords});
 * {@link #build} takes the one with the fewest wires, or a
 * shallower one within 1/8 of them ({@link #choose}, by {@link #closedCost}):
 * <ul>
 *   <li>{@link Route#STEP}, depth 2: {@code y} is a monotone step function of {@code V}. With the fraction
 *       reduced ({@code 2^a / D = p / q}), {@code y >= t} iff {@code 2pV >= q(2t - 1)}, so the smallest
 *       {@code V} with {@code y >= t} is {@code ceil(q(2t - 1) / 2p)} in closed form (then lifted onto the
 *       values the form can take: {@code min + g Z}, {@code g} the gcd of its weights). One comparator
 *       {@code [V >= b]} (one gate over the form's literals) per distinct breakpoint, then
 *       {@link Lookup#stepBits}. Breakpoints: at most the output codes reachable, and at most the form's
 *       values. Cost: {@code B} gates of fan-in {@code n} (the form's literals) plus one gate per output bit
 *       that changes twice or more. Best for few output codes.</li>
 *   <li>{@link Route#WORD}, depth {@code 2k + 4} at most: the exact sum as a word first
 *       ({@link WeightedSum#exact}), then STEP over its bits: the same breakpoints, each comparator of fan-in
 *       the word's width instead of {@code n}. Best for many terms and a moderate number of codes.</li>
 *   <li>{@link Route#MULTIPLY}, depth {@code 2k + 2}: division as multiplication (Granlund and Montgomery).
 *       {@code y = floor(N / d)} with {@code N = 2pV + q}, {@code d = 2q}; shifted by {@code K d} to be
 *       nonnegative, {@code floor(N' / d) = floor(N' c / 2^s)} for {@code c = ceil(2^s / d)} whenever
 *       {@code (c d - 2^s) N'max < 2^s} (the error {@code N' (c d - 2^s) / (d 2^s)} stays below
 *       {@code 1/d}), {@code s} the smallest such. So {@code y} is ONE {@link WeightedSum} of the form with
 *       weights {@code 2pc w_i}, shift {@code s}, saturated: polynomial in the widths, not in the number of
 *       codes. When {@code d} is a power of two it is the plain rounded shift. Available when
 *       {@code s + width <= 61} (after cancelling common powers of two).</li>
 *   <li>{@link Route#WORD_MULTIPLY}, depth {@code 4k + 4} at most: MULTIPLY over the exact sum's bits
 *       ({@code c}'s digits multiply the word's width, not the number of terms). Best for many terms and
 *       many codes.</li>
 *   <li>{@link Route#SPLIT}, depth {@code 2k + 3}: the quotient split literal by literal, for divisions MULTIPLY
 *       cannot build (its weights {@code 2pc w_i} pass a long: a 34-bit sum by 9 needs a 38-bit multiplier).
 *       With {@code N = 2pV + q = C + sum W_i x_i}, {@code d = 2q}, each {@code W_i = Q_i d + R_i} and
 *       {@code C = Q_c d + R_c} ({@code 0 <= R < d}), so {@code floor(N / d) = Q_c + sum Q_i x_i + T} with the carry
 *       {@code T = floor((R_c + sum R_i x_i) / d)}, a number of at most {@code n} (the literals with a remainder):
 *       {@code T = sum_t [sum R_i x_i >= t d - R_c]}, one comparator per t. So {@code y} is one
 *       {@link WeightedSum} (saturated, no shift) of the literals with weights {@code Q_i} (about the output's
 *       size) and the comparators with weight 1: no number past {@code max(|V| 2^a / D, n d)}.</li>
 * </ul>
 * SPLIT is the fallback: {@link #choose} takes it only where none of the first four can be built, so every
 * division the first four build keeps its route (and every count its figures); {@link #chooseSplit} takes it
 * first. Its depth, {@code 2k + 3}, stays within WORD_MULTIPLY's {@code 4k + 4}, the deepest route's.
 * Exactness does not depend on the route; only the cost does. Costs assume the form's literals are distinct
 * nodes (as in the lowering; repeated ones make the build no larger).
 */
public final class DivideByConstant {
    private DivideByConstant() {}

    /** The most breakpoints STEP and WORD enumerate (each is a gate). */
    static final int MAX_BREAKPOINTS = 1 << 24;

    /** The constructions; see the class comment. */
    public enum Route { STEP, WORD, MULTIPLY, WORD_MULTIPLY, SPLIT }

    /** The reference: {@code out.saturate(divRound(v 2^a, d))}. */
    public static long eval(long v, int a, long d, FixedFormat out) {
        return out.saturate(Rounding.divRound(BigInteger.valueOf(v).shiftLeft(a), BigInteger.valueOf(d)));
    }

    /** {@code y} by the cheapest route ({@link #choose}). */
    public static int[] build(Net net, LinearForm v, int a, long d, FixedFormat out, int rounds) {
        return build(net, v, a, d, out, rounds, choose(weights(v), v.constant(), a, d, out, rounds));
    }

    /** {@code y} by {@code route}; throws {@link IllegalArgumentException} if the route is not available. */
    public static int[] build(Net net, LinearForm v, int a, long d, FixedFormat out, int rounds, Route route) {
        Quotient q = new Quotient(a, d, out);
        long vmin = v.min(), vmax = v.max();
        boolean word = route == Route.WORD || route == Route.WORD_MULTIPLY;
        if (word && v.size() < 2) throw new IllegalArgumentException("the word routes need two or more literals");
        // the word routes read the exact sum's bits; its value is V, so V's range and lattice still hold
        LinearForm u = word ? new LinearForm().addWord(WeightedSum.exact(net, v, rounds), 1) : v;
        return switch (route) {
            case STEP, WORD -> step(net, u, q, vmin, vmax, lattice(weights(v)));
            case MULTIPLY, WORD_MULTIPLY -> {
                Mul m = Mul.of(weights(u), u.constant(), q, vmin, vmax);
                if (m == null) throw new IllegalArgumentException("the multiply route needs more than 61 bits here");
                LinearForm f = new LinearForm().addConstant(m.constant);
                for (int i = 0; i < u.size(); i++) f.add(u.lit(i), m.weights[i]);
                yield WeightedSum.build(net, f, m.shift, out.width(), true, rounds);
            }
            case SPLIT -> {
                Split sp = Split.of(weights(u), u.constant(), q);
                if (sp == null) throw new IllegalArgumentException("the split route needs more than 62 bits here");
                int[] lits = new int[u.size()];
                for (int i = 0; i < lits.length; i++) lits[i] = u.lit(i);
                yield sp.build(net, lits, out, rounds);
            }
        };
    }

    /**
     * The route to build, by {@link #closedCost}: the fewest wires, except that a route within 1/8 of the
     * fewest wires and shallower wins (a few wires are not worth four levels); then fewer gates. Time: about
     * the chosen route's size, never more (counting STEP's breakpoints stops once it is dearer).
     */
    public static Route choose(long[] weights, long constant, int a, long d, FixedFormat out, int rounds) {
        Route best = choose(weights, constant, a, d, out, rounds, Route.MULTIPLY, Route.WORD_MULTIPLY, Route.WORD, Route.STEP);
        if (best == null) best = choose(weights, constant, a, d, out, rounds, Route.SPLIT);
        if (best == null) throw new IllegalArgumentException("no construction for this division (too many output codes and too wide)");
        return best;
    }

    /**
     * {@link Route#SPLIT} wherever it can be built, else {@link #choose}: for divisions whose depth must not depend on
     * the widths (resampling: a route chosen by wires flips between MULTIPLY, WORD_MULTIPLY and the fallbacks as n
     * moves the words' widths, and the model's depth with it). SPLIT's depth is one comparator level above one sum
     * at every width a long holds, and at the widths of VAR's and FlowAR's stencils it has fewer wires than MULTIPLY.
     */
    public static Route chooseSplit(long[] weights, long constant, int a, long d, FixedFormat out, int rounds) {
        try {
            if (closedCost(weights, constant, a, d, out, rounds, Route.SPLIT) != null) return Route.SPLIT;
        } catch (ArithmeticException tooWide) {
            // the final sum passes a long: the others are tried
        }
        return choose(weights, constant, a, d, out, rounds);
    }

    /** The best of these routes by the rule above (tried in this order), null if none is available. */
    private static Route choose(long[] weights, long constant, int a, long d, FixedFormat out, int rounds, Route... tried) {
        Cost[] costs = new Cost[Route.values().length];
        long fewest = Long.MAX_VALUE;
        for (Route r : tried) {
            long bound = fewest == Long.MAX_VALUE ? Long.MAX_VALUE : fewest + fewest / 8;
            try {
                costs[r.ordinal()] = closedCost(weights, constant, a, d, out, rounds, r, bound);
            } catch (ArithmeticException tooWide) { // a number of this route passes a long: the next route may not
                costs[r.ordinal()] = null;
            }
            if (costs[r.ordinal()] != null) fewest = Math.min(fewest, costs[r.ordinal()].wires());
        }
        Route best = null;
        for (Route r : tried) {
            Cost c = costs[r.ordinal()];
            if (c == null || c.wires() > fewest + fewest / 8) continue;
            if (best == null || better(c, costs[best.ordinal()])) best = r;
        }
        return best;
    }

    private static boolean better(Cost c, Cost o) {
        if (c.depth() != o.depth()) return c.depth() < o.depth();
        if (c.wires() != o.wires()) return c.wires() < o.wires();
        return c.gates() < o.gates();
    }

    /**
     * The exact cost of {@code build(..., route)} over distinct literals with these weights, without making
     * gates; null if the route is not available. (The word routes: exact unless two bits of the exact word
     * are the same input literal, which needs a single literal alone in the form's low columns.)
     */
    public static Cost closedCost(long[] weights, long constant, int a, long d, FixedFormat out, int rounds, Route route) {
        return closedCost(weights, constant, a, d, out, rounds, route, Long.MAX_VALUE);
    }

    /** The cost of {@code build(..., route)} counted on a {@link CountingNet} over fresh literals. */
    public static Cost cost(long[] weights, long constant, int a, long d, FixedFormat out, int rounds, Route route) {
        CountingNet n = new CountingNet();
        int[] x = n.input(weights.length);
        LinearForm f = new LinearForm().addConstant(constant);
        for (int i = 0; i < weights.length; i++) f.add(x[i], weights[i]);
        build(n, f, a, d, out, rounds, route);
        return n.cost();
    }

    /** As the public closedCost; null also when the comparators alone would exceed {@code bound} wires (counting stops there). */
    private static Cost closedCost(long[] w, long constant, int a, long d, FixedFormat out, int rounds, Route route, long bound) {
        Quotient q = new Quotient(a, d, out);
        long vmin = constant, vmax = constant;
        for (long x : w) { if (x < 0) vmin = Math.addExact(vmin, x); else vmax = Math.addExact(vmax, x); }
        int n = 0;
        for (long x : w) if (x != 0) n++;
        return switch (route) {
            case MULTIPLY -> {
                Mul m = Mul.of(w, constant, q, vmin, vmax);
                yield m == null ? null : WeightedSum.closedCost(m.weights, m.constant, m.shift, out.width(), true, rounds);
            }
            case SPLIT -> {
                Split sp = Split.of(w, constant, q);
                yield sp == null ? null : sp.cost(new int[w.length], w.length, out, rounds, new Cost(0, 0, 0));
            }
            case STEP -> {
                Steps s = Steps.of(q, vmin, vmax, lattice(w), n >= 2 ? bound / n + 1 : Long.MAX_VALUE);
                yield s == null ? null : s.cost(n >= 2 ? n : 0, n >= 2 ? 0 : -1, new Cost(0, 0, 0));
            }
            case WORD, WORD_MULTIPLY -> {
                if (n < 2) yield null;
                int ws = WeightedSum.exactWidth(vmin, vmax);
                SumShape shape = new SumShape();
                for (long x : w) shape.add(1, x, 0);
                shape.addConstant(constant);
                SumCount sum = SumCount.of(shape, 0, ws, false, rounds);
                // the word's bits as a form: a constant bit is the bit of every value, so of vmin
                long[] uw = new long[ws];
                int[] ul = new int[ws];
                int bits = 0, level = -1;
                long uc = 0;
                for (int j = 0; j < ws; j++) {
                    long bw = j == ws - 1 ? -(1L << j) : 1L << j;
                    if (sum.bitLevel[j] < 0) { if ((vmin >>> j & 1) != 0) uc += bw; continue; }
                    uw[bits] = bw;
                    ul[bits++] = sum.bitLevel[j];
                    level = Math.max(level, sum.bitLevel[j]);
                }
                Cost before = sum.cost();
                if (route == Route.WORD) {
                    long left = bound - before.wires();
                    if (left <= 0) yield null;
                    Steps s = Steps.of(q, vmin, vmax, lattice(w), bits >= 2 ? left / bits + 1 : Long.MAX_VALUE);
                    yield s == null ? null : s.cost(bits >= 2 ? bits : 0, level, before);
                }
                Mul m = Mul.of(java.util.Arrays.copyOf(uw, bits), uc, q, vmin, vmax);
                if (m == null) yield null;
                SumShape mul = new SumShape();
                for (int i = 0; i < bits; i++) mul.add(1, m.weights[i], ul[i]);
                Cost after = WeightedSum.closedCost(mul.addConstant(m.constant), m.shift, out.width(), true, rounds);
                yield new Cost(Math.max(before.depth(), after.depth()), before.gates() + after.gates(), before.wires() + after.wires());
            }
        };
    }

    private static long[] weights(LinearForm v) {
        long[] w = new long[v.size()];
        for (int i = 0; i < w.length; i++) w[i] = v.weight(i);
        return w;
    }

    /** The gcd of the weights: the form's values lie on {@code min + g Z} (0 for a constant form). */
    private static long lattice(long[] w) {
        long g = 0;
        for (long x : w) g = gcd(g, Math.abs(x));
        return g;
    }

    private static long gcd(long a, long b) {
        while (b != 0) { long t = a % b; a = b; b = t; }
        return a;
    }

    /** STEP over {@code u}, whose value equals V and lies in [vmin, vmax] on the lattice vmin + g Z. */
    private static int[] step(Net net, LinearForm u, Quotient q, long vmin, long vmax, long g) {
        Steps s = Steps.of(q, vmin, vmax, g, Long.MAX_VALUE);
        if (s == null) throw new IllegalArgumentException("more than " + MAX_BREAKPOINTS + " breakpoints: use the multiply route");
        int[] ge = new int[s.count + 1];
        u.atLeastAll(net, s.breaks, 1, s.count + 1, ge);
        return Lookup.stepBits(net, ge, java.util.Arrays.copyOf(s.values, s.count + 1), q.out.width());
    }

    /** {@code y(V) = saturate(floor((2pV + q) / 2q))} with {@code 2^a / D = p / q} in lowest terms. */
    static final class Quotient {
        final BigInteger p, q;
        final FixedFormat out;

        Quotient(int a, long d, FixedFormat out) {
            this(a, BigInteger.valueOf(d), out);
        }

        Quotient(int a, BigInteger d, FixedFormat out) {
            if (d.signum() <= 0) throw new IllegalArgumentException("divisor " + d + " is not positive");
            if (a < 0) throw new IllegalArgumentException("negative exponent " + a);
            int tz = Math.min(a, d.getLowestSetBit());
            this.p = BigInteger.ONE.shiftLeft(a - tz);
            this.q = d.shiftRight(tz);
            this.out = out;
        }

        long y(long v) {
            BigInteger twoQ = q.shiftLeft(1);
            return out.saturate(floorDiv(p.shiftLeft(1).multiply(BigInteger.valueOf(v)).add(q), twoQ));
        }

        /** The smallest integer V with y(V) >= t (before saturation): {@code ceil(q(2t-1) / 2p)}. */
        BigInteger firstAtLeast(long t) {
            return ceilDiv(q.multiply(BigInteger.valueOf(t).shiftLeft(1).subtract(BigInteger.ONE)), p.shiftLeft(1));
        }
    }

    /** The breakpoints of y over [vmin, vmax] on the lattice: {@code breaks[i]} (i >= 1), codes {@code values[i]}. */
    private static final class Steps {
        long[] breaks = new long[8];
        long[] values = new long[8];
        int count;

        /** Null once {@code limit} (or {@link #MAX_BREAKPOINTS}) breakpoints are found and more remain. */
        static Steps of(Quotient q, long vmin, long vmax, long g, long limit) {
            limit = Math.min(limit, MAX_BREAKPOINTS);
            Steps s = new Steps();
            long lo = q.y(vmin), hi = q.y(vmax);
            // A breakpoint raises the code by at most floor(g p / q) + 1 (one lattice step past the exact
            // breakpoint): when even steps that long need more than the limit, stop before enumerating.
            BigInteger jump = BigInteger.valueOf(Math.max(g, 1)).multiply(q.p).divide(q.q).add(BigInteger.ONE);
            if (ceilDiv(BigInteger.valueOf(hi).subtract(BigInteger.valueOf(lo)), jump).compareTo(BigInteger.valueOf(limit)) > 0) return null;
            s.values[0] = lo;
            BigInteger base = BigInteger.valueOf(vmin), step = BigInteger.valueOf(Math.max(g, 1));
            for (long t = lo + 1; t <= hi; ) {
                if (s.count >= limit) return null;
                // lift onto the values the form takes: the first lattice point at or above the breakpoint
                BigInteger b = q.firstAtLeast(t);
                long v = base.add(ceilDiv(b.subtract(base), step).multiply(step)).longValueExact();
                long y = q.y(v);
                s.add(v, y);
                t = y + 1;
            }
            return s;
        }

        private void add(long b, long v) {
            count++;
            if (count == breaks.length) {
                breaks = java.util.Arrays.copyOf(breaks, count * 2);
                values = java.util.Arrays.copyOf(values, count * 2);
            }
            breaks[count] = b;
            values[count] = v;
        }

        /**
         * The comparators over {@code fanIn} literals (0: they fold to a literal) at level {@code level + 1}
         * ({@code level} the inputs' highest, -1 for none), then the step bits; added to {@code before}.
         */
        Cost cost(int fanIn, int level, Cost before) {
            long gates = before.gates(), wires = before.wires();
            int depth = before.depth();
            int cmp = level;
            if (fanIn >= 2 && count > 0) {
                gates += count;
                wires = Math.addExact(wires, Math.multiplyExact((long) count, fanIn));
                cmp = level + 1;
                depth = Math.max(depth, cmp);
            }
            for (int b = 0; b < 64; b++) {
                long k = 0;
                for (int i = 1; i <= count; i++) if ((values[i] >>> b & 1) != (values[i - 1] >>> b & 1)) k++;
                if (k >= 2) { gates++; wires += k; depth = Math.max(depth, cmp + 1); }
            }
            return new Cost(depth, gates, wires);
        }
    }

    /**
     * {@link Route#SPLIT}'s numbers for a form {@code c + sum w_i x_i}: {@code y = saturate(base + sum quot_i x_i + T)},
     * {@code T = sum_t [sum rem_i x_i >= thresholds_t]}. A single literal with a remainder is its own carry (folded
     * into its quotient), so every comparator reads two or more literals.
     */
    record Split(long[] quot, long[] rem, long base, long[] thresholds) {
        static Split of(long[] w, long constant, Quotient qt) {
            BigInteger[] wide = new BigInteger[w.length];
            for (int i = 0; i < w.length; i++) wide[i] = BigInteger.valueOf(w[i]);
            return of(wide, BigInteger.valueOf(constant), qt);
        }

        static Split of(BigInteger[] w, BigInteger constant, Quotient qt) {
            BigInteger p2 = qt.p.shiftLeft(1), d = qt.q.shiftLeft(1);
            BigInteger[] cq = floorDivRem(p2.multiply(constant).add(qt.q), d);
            BigInteger base = cq[0], rc = cq[1], top = rc;
            BigInteger[] quot = new BigInteger[w.length], rem = new BigInteger[w.length];
            int withRem = -1, fanIn = 0;
            // 2p is a power of two; where d is one too (a resampling to a power of two) the division is two shifts
            int e = p2.getLowestSetBit(), s = d.getLowestSetBit();
            BigInteger mask = d.bitCount() == 1 ? d.subtract(BigInteger.ONE) : null;
            for (int i = 0; i < w.length; i++) {
                BigInteger x = w[i].shiftLeft(e);
                BigInteger[] qr = mask != null ? new BigInteger[] {x.shiftRight(s), x.and(mask)} : floorDivRem(x, d);
                quot[i] = qr[0];
                rem[i] = qr[1];
                top = top.add(qr[1]);
                if (qr[1].signum() != 0 && w[i].signum() != 0) { fanIn++; withRem = i; }
            }
            if (fanIn == 1) { // T = [R_c + R_i x_i >= d] = x_i or 0
                if (rc.add(rem[withRem]).compareTo(d) >= 0) quot[withRem] = quot[withRem].add(BigInteger.ONE);
                rem[withRem] = BigInteger.ZERO;
                top = rc;
            }
            if (top.bitLength() > 62 || base.bitLength() > 62) return null;
            long[] q = new long[w.length], r = new long[w.length];
            for (int i = 0; i < w.length; i++) {
                if (quot[i].bitLength() > 62) return null;
                q[i] = w[i].signum() == 0 ? 0 : quot[i].longValue();
                r[i] = w[i].signum() == 0 ? 0 : rem[i].longValue();
            }
            int carries = top.divide(d).intValueExact(); // at most fanIn: each remainder is below d
            long[] ts = new long[carries];
            for (int t = 1; t <= carries; t++) ts[t - 1] = d.multiply(BigInteger.valueOf(t)).subtract(rc).longValueExact();
            return new Split(q, r, base.longValue(), ts);
        }

        int[] build(Net net, int[] lits, FixedFormat out, int rounds) {
            LinearForm r = new LinearForm(), f = new LinearForm().addConstant(base);
            for (int i = 0; i < lits.length; i++) {
                r.add(lits[i], rem[i]);
                f.add(lits[i], quot[i]);
            }
            int[] carry = new int[thresholds.length];
            if (carry.length > 0) r.atLeastAll(net, thresholds, 0, carry.length, carry);
            for (int c : carry) f.add(c, 1);
            return WeightedSum.build(net, f, 0, out.width(), true, rounds);
        }

        /** The cost over distinct literals {@code i < count} at {@code levels[i]}, after {@code before}. */
        Cost cost(int[] levels, int count, FixedFormat out, int rounds, Cost before) {
            int fanIn = 0, level = -1;
            for (int i = 0; i < count; i++) if (rem[i] != 0) { fanIn++; level = Math.max(level, levels[i]); }
            SumShape sum = new SumShape();
            for (int i = 0; i < count; i++) sum.add(1, quot[i], levels[i]);
            sum.add(thresholds.length, 1, level + 1);
            Cost after = WeightedSum.closedCost(sum.addConstant(base), 0, out.width(), true, rounds);
            long gates = before.gates() + thresholds.length + after.gates();
            long wires = Math.addExact(before.wires() + after.wires(), Math.multiplyExact((long) thresholds.length, fanIn));
            return new Cost(Math.max(before.depth(), after.depth()), gates, wires);
        }
    }

    /**
     * The one weighted sum {@link Route#MULTIPLY} builds over the form's literals, in their order:
     * {@code y = WeightedSum.build(sum weights_i lit_i + constant, shift, out.width(), saturated)}.
     */
    public record MultiplyForm(long[] weights, long constant, int shift) {}

    /** {@link MultiplyForm} of a form with these weights (one per literal) and constant; null where MULTIPLY is not available. */
    public static MultiplyForm multiplyForm(long[] w, long constant, int a, long d, FixedFormat out) {
        long vmin = constant, vmax = constant;
        for (long x : w) { if (x < 0) vmin = Math.addExact(vmin, x); else vmax = Math.addExact(vmax, x); }
        Mul m = Mul.of(w, constant, new Quotient(a, d, out), vmin, vmax);
        return m == null ? null : new MultiplyForm(m.weights.clone(), m.constant, m.shift);
    }

    /** MULTIPLY's WeightedSum: {@code y = saturate(round((sum weights_i x_i + constant) / 2^shift))}. */
    private record Mul(long[] weights, long constant, int shift) {
        static Mul of(long[] w, long constant, Quotient qt, long vmin, long vmax) {
            BigInteger p2 = qt.p.shiftLeft(1), q = qt.q, d = q.shiftLeft(1);
            BigInteger nmin = p2.multiply(BigInteger.valueOf(vmin)).add(q), nmax = p2.multiply(BigInteger.valueOf(vmax)).add(q);
            BigInteger k = nmin.signum() < 0 ? ceilDiv(nmin.negate(), d) : BigInteger.ZERO;
            BigInteger top = nmax.add(k.multiply(d));
            int s = 1;
            BigInteger c;
            while (true) {
                BigInteger two = BigInteger.ONE.shiftLeft(s);
                c = ceilDiv(two, d);
                if (c.multiply(d).subtract(two).multiply(top).compareTo(two) < 0) break;
                s++;
            }
            // y = floor((sum A_i x_i + C) / 2^s): A_i = 2pc w_i, C = c (2p c0 + q + k d) - k 2^s
            BigInteger mul = p2.multiply(c);
            BigInteger cc = c.multiply(p2.multiply(BigInteger.valueOf(constant)).add(q).add(k.multiply(d))).subtract(k.shiftLeft(s));
            // A_i = mul w_i: its lowest set bit is mul's plus w_i's, so the common power of two and the shifted
            // weights come from one BigInteger and longs (a mean of 2^20 words has 2^25 weights, a few distinct)
            int j = s, lm = mul.signum() == 0 ? 0 : mul.getLowestSetBit(), lw = Integer.MAX_VALUE;
            if (mul.signum() != 0) for (long x : w) if (x != 0) lw = Math.min(lw, Long.numberOfTrailingZeros(x));
            if (lw != Integer.MAX_VALUE) j = Math.min(j, lm + lw);
            // x_i = A_i / 2^j = m v_i, exactly: m = mul / 2^min(j, lm), v_i = w_i / 2^(j - min(j, lm))
            BigInteger m = mul.shiftRight(Math.min(j, lm));
            int vs = j - Math.min(j, lm);
            int shift = s - j; // common powers of two cancel: floor((2^j W + C) / 2^s) = floor((W + floor(C / 2^j)) / 2^(s-j))
            BigInteger k2 = cc.shiftRight(j).subtract(shift > 0 ? BigInteger.ONE.shiftLeft(shift - 1) : BigInteger.ZERO);
            if (shift + qt.out.width() > 61) return null;
            long[] ws = new long[w.length];
            BigInteger sumV = BigInteger.ZERO;
            long part = 0;
            for (long x : w) {
                long v = Math.abs(x >> vs);
                if (part > Long.MAX_VALUE - v) { sumV = sumV.add(BigInteger.valueOf(part)); part = 0; }
                part += v;
            }
            BigInteger total = k2.abs().add(m.abs().multiply(sumV.add(BigInteger.valueOf(part))));
            if (total.bitLength() > 62) return null;
            long ml = m.longValue(); // every x_i is at most total in magnitude, so m fits where some v_i is not 0
            for (int i = 0; i < w.length; i++) ws[i] = ml * (w[i] >> vs);
            return new Mul(ws, k2.longValueExact(), shift);
        }
    }

    /** {@code {floor(a / b), a - b floor(a / b)}} for {@code b > 0}. */
    private static BigInteger[] floorDivRem(BigInteger a, BigInteger b) {
        BigInteger f = floorDiv(a, b);
        return new BigInteger[] {f, a.subtract(f.multiply(b))};
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        return floorDiv(a.negate(), b).negate();
    }
}
