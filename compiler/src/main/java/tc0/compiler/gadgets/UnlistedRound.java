package tc0.compiler.gadgets;

import java.util.ArrayList;
import java.util.List;
import tc0.circuits.Literal;

/**
 * The columns between a {@link WideSum}'s first compression round ({@link WideRuns}) and its last, on a net that keeps
 * every gate ({@link TwinNet#keepsEveryGate}: a {@link CountingNet}, or {@code tc0 primitives}' net around one), with
 * the first round's twin outputs held as a count and a highest level per column rather than as literals. The last round takes each column whole as one group ({@link WeightedSum#compress} with one
 * round left), and {@link CountBitsTwin} counts a group from its other entries and the number and highest level of
 * its fresh distinct ones ({@code extra}): so those outputs need no literal and no node. The Chinese-remainder
 * reconstruction's first round makes some 8 x 10^8 of them at p = 256 (log) and 1.2 x 10^9 at 512 (divide), 9 ints
 * and nodes per group, more than a 7 GB heap holds. The same counts as listing them: a fresh output is a distinct
 * node, which the group reads as one term (negated or not) whatever its node; a gate that is two bits of one count
 * (one node in two columns) is made as a literal, and so is a column's only entry.
 */
final class UnlistedRound {
    /** Sums whose first round's outputs went unlisted (tests read it to see it at work). */
    static long made;

    private final int width;
    private final int[] fresh, freshLevel, ones, falses; // per column: outputs not made, their highest level; TRUE and FALSE entries
    private final WeightedSum.IntList[] listed; // per column: the other entries, null where none
    private final SharedTermsNet families; // non-null: on a net that drops dead gates, the unmade bits as families
    private final int[] column; // families: per column, the literal standing for its unmade bits (0: none yet)
    private final boolean[] negated; // families: per column, whether its last unmade bit is a negated gate (a column's only one read so)

    UnlistedRound(int width) {
        this(width, null);
    }

    /**
     * Where {@code families} is given (a net that drops dead gates, {@link SharedTermsNet#countFamilies}), each column's
     * unmade bits are one {@link SharedTermsNet#familyAt} node: they are read by that column's last-round group alone, so
     * they are live exactly where it is, and the node is their bits' node in the first round's groups, settled with them.
     */
    UnlistedRound(int width, SharedTermsNet families) {
        made++;
        this.families = families;
        this.column = families == null ? null : new int[width];
        this.negated = families == null ? null : new boolean[width];
        this.width = width;
        fresh = new int[width];
        freshLevel = new int[width];
        ones = new int[width];
        falses = new int[width];
        listed = new WeightedSum.IntList[width];
    }

    /** Whether the first round's groups go through {@link #family}. */
    boolean families() { return families != null; }

    /**
     * A first-round group from column j on, counted with its bits as families: each bit used once is column
     * {@code j + l}'s family node (counted unmade there), a gate that is two bits is a literal of its own; the bits
     * as {@link CountBitsTwin} returns them (give them to {@link #add(int, int)}, which skips the family nodes), or
     * null where not modelled.
     */
    int[] family(int[] bits, int extra, int extraLevel, int j, boolean[] live) {
        int[] levels = new int[2 * 64 + 2], made = {0};
        // Tags (literals of nodes standing for indices into levels) until resolved, as countUnmade's.
        return CountBitsTwin.countBits(families, bits, extra, extraLevel, width - j, live, lv -> { levels[made[0]] = lv; return Literal.of(1 + made[0]++, false); },
                (out, geLit, geMade) -> resolve(out, geLit, geMade, levels, made[0], j), 0);
    }

    private void resolve(int[] out, int[] geLit, int geMade, int[] levels, int tags, int j) {
        int[] uses = new int[tags], first = new int[tags], lit = new int[tags];
        for (int l = 0; l < out.length; l++) {
            if (Literal.isConstant(out[l])) continue;
            int t = Literal.node(out[l]) - 1;
            if (uses[t]++ == 0) first[t] = l;
        }
        for (int t = 0; t < tags; t++) {
            if (uses[t] != 1) { lit[t] = families.outputAt(levels[t]); continue; } // two bits: one node in two columns, listed
            int c = j + first[t];
            if (column[c] == 0) column[c] = families.familyAt(levels[t]);
            fresh[c] = Math.addExact(fresh[c], 1);
            negated[c] = Literal.isNegated(out[first[t]]);
            freshLevel[c] = Math.max(freshLevel[c], levels[t]);
            lit[t] = column[c];
        }
        for (int l = 0; l < out.length; l++) {
            if (Literal.isConstant(out[l])) continue;
            int m = lit[Literal.node(out[l]) - 1];
            out[l] = Literal.isNegated(out[l]) ? Literal.not(m) : m;
        }
        for (int k = 0; k < geMade; k++) geLit[k] = lit[Literal.node(geLit[k]) - 1];
    }

    /** A literal entry in column j (a family node of column j is counted there already, unmade). */
    void add(int j, int lit) {
        if (families != null && column[j] != 0 && !Literal.isConstant(lit) && Literal.node(lit) == Literal.node(column[j])) return;
        if (lit == Literal.TRUE) ones[j]++;
        else if (lit == Literal.FALSE) falses[j]++;
        else (listed[j] == null ? listed[j] = new WeightedSum.IntList() : listed[j]).add(lit);
    }

    /** A group's count bits from column j on, those not made counted by level. */
    void add(int j, CountBitsTwin.Unmade count) {
        for (int l = 0; l < count.lits().length && j + l < width; l++) {
            if (count.lits()[l] != CountBitsTwin.Unmade.UNMADE) { add(j + l, count.lits()[l]); continue; }
            fresh[j + l] = Math.addExact(fresh[j + l], 1);
            freshLevel[j + l] = Math.max(freshLevel[j + l], count.levels()[l]);
        }
    }

    /** The last round: every column one group (as {@link WeightedSum#compress} with one round left), its count's bits listed. */
    List<WeightedSum.IntList> last(TwinNet net) {
        List<WeightedSum.IntList> next = new ArrayList<>(width);
        for (int j = 0; j < width; j++) next.add(new WeightedSum.IntList());
        for (int j = 0; j < width; j++) {
            int[] bits = entries(j);
            int h = bits.length + fresh[j];
            if (h == 0) continue;
            int c = families == null ? 0 : column[j]; // the family node, read with the column's group (0: none)
            if (c != 0) families.relevel(c, freshLevel[j]);
            int[] count;
            if (h == 1) count = fresh[j] == 1 ? new int[] {unmade(net, j)} : bits; // passed on, as compress passes it
            else {
                count = CountBitsTwin.countBits(net, bits, fresh[j], freshLevel[j], width - j, null, net::outputAt, null, c);
                if (count == null) count = WeightedSum.countBits(net, made(net, bits, j), width - j); // fewer than two terms: gate by gate
            }
            for (int l = 0; l < count.length; l++) if (j + l < width) next.get(j + l).add(count[l]);
            listed[j] = null;
        }
        return next;
    }

    /** Column j's entries other than the outputs not made: its literals, TRUE and FALSE. */
    private int[] entries(int j) {
        int n = listed[j] == null ? 0 : listed[j].size();
        int[] bits = new int[n + ones[j] + falses[j]];
        for (int i = 0; i < n; i++) bits[i] = listed[j].get(i);
        java.util.Arrays.fill(bits, n, n + ones[j], Literal.TRUE);
        return bits; // the rest FALSE (0)
    }

    /** The entries with the outputs not made as literals (fresh nodes on their levels: at most one here). */
    private int[] made(TwinNet net, int[] bits, int j) {
        int[] all = java.util.Arrays.copyOf(bits, bits.length + fresh[j]);
        for (int i = bits.length; i < all.length; i++) all[i] = unmade(net, j);
        return all;
    }

    /** Column j's unmade bit as a literal: its family node (negated where the bit is), else a fresh output on its level. */
    private int unmade(TwinNet net, int j) {
        int c = families == null ? 0 : column[j];
        return c == 0 ? net.outputAt(freshLevel[j]) : negated[j] ? Literal.not(c) : c;
    }
}
