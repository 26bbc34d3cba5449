package tc0.compiler.count;

import java.util.HashMap;
import java.util.Map;

/**
 * A linear form {@code c + sum w x} over the words of distinct elements, as the builder sees it in one gate:
 * terms merged per node (a sign-extended bit once, its weights summed; a negated bit moved into the
 * constant), zero weights dropped. Enough to tell which comparators {@code [form >= a]} fold and what the
 * others cost: their range {@code [min, max]}, fan-in, and the level of the deepest term.
 */
final class FormSummary {
    long constant;
    long terms;
    long min;
    long max;
    int level;
    /** With exactly one term: its level and merged weight. */
    int soleLevel;
    long soleWeight;
    /** The slots of element 0 whose merged weight is not zero (what a gate over the form reads of it). */
    long slotMask0;

    private final Map<Long, Long> pending = new HashMap<>();
    private final Map<Long, Integer> pendingLevel = new HashMap<>();

    /** Adds {@code coeff * word} for word class {@code c} of element {@code element} (distinct elements: distinct nodes). */
    FormSummary addWord(ElemClass c, long coeff, int element) {
        int w = c.width();
        for (int k = 0; k < w; k++) {
            long bit = Math.multiplyExact(coeff, 1L << k);
            long wt = k == w - 1 ? Math.negateExact(bit) : bit;
            int x = c.bit(k);
            if (x == ElemClass.FALSE) continue;
            if (x == ElemClass.TRUE) { constant = Math.addExact(constant, wt); continue; }
            if ((x & 1) != 0) { constant = Math.addExact(constant, wt); wt = -wt; } // w (1 - y) = w - w y
            long node = ((long) element << 32) | (x >> 1);
            pending.merge(node, wt, Math::addExact);
            pendingLevel.put(node, c.slotLevel(x >> 1));
        }
        return this;
    }

    /** Adds {@code count} words of class {@code c} (each its own element, plain or not) without listing them. */
    FormSummary addWords(ElemClass c, long coeff, long count) {
        if (count == 0) return this;
        FormSummary one = new FormSummary().addWord(c, coeff, 0).done();
        constant = Math.addExact(constant, Math.multiplyExact(one.constant, count));
        terms = Math.addExact(terms, Math.multiplyExact(one.terms, count));
        lo = Math.addExact(lo, Math.multiplyExact(one.min - one.constant, count));
        hi = Math.addExact(hi, Math.multiplyExact(one.max - one.constant, count));
        if (one.terms > 0) level = Math.max(level, one.level);
        if (one.terms == 1 && count == 1) { soleLevel = one.soleLevel; soleWeight = one.soleWeight; }
        return this;
    }

    private long lo, hi; // variable part's range, summed over addWords

    /** The summary of a form over a Tape's literals (merged per node, as one gate sees them). */
    static FormSummary of(tc0.compiler.gadgets.LinearForm f, java.util.function.IntUnaryOperator levelOfNode) {
        FormSummary s = new FormSummary();
        s.constant = f.constant();
        for (int i = 0; i < f.size(); i++) {
            int lit = f.lit(i);
            long wt = f.weight(i);
            if (tc0.circuits.Literal.isNegated(lit)) { s.constant = Math.addExact(s.constant, wt); wt = -wt; }
            long node = tc0.circuits.Literal.node(lit);
            s.pending.merge(node, wt, Math::addExact);
            s.pendingLevel.put(node, levelOfNode.applyAsInt((int) node));
        }
        return s.done();
    }

    /** Closes the pending terms: the counts and range are then final. */
    FormSummary done() {
        for (Map.Entry<Long, Long> e : pending.entrySet()) {
            long wt = e.getValue();
            if (wt == 0) continue;
            terms++;
            if ((e.getKey() >>> 32) == 0) slotMask0 |= 1L << (e.getKey() & 0xffffffffL);
            if (wt < 0) lo = Math.addExact(lo, wt); else hi = Math.addExact(hi, wt);
            int lv = pendingLevel.get(e.getKey());
            level = Math.max(level, lv);
            soleLevel = lv;
            soleWeight = wt;
        }
        pending.clear();
        min = Math.addExact(constant, lo);
        max = Math.addExact(constant, hi);
        return this;
    }
}
