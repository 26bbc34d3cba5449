package tc0.proofs.check;

/**
 * A check's verdict: it held on every instance, it failed on one (named, with the figure), tc0's construction is
 * deeper than the paper's formula (DEPTH: a finding about tc0 against the paper, not a failed claim), or it could
 * not decide.
 */
public sealed interface Verdict {
    /** Every instance checked meets the check. */
    record Holds() implements Verdict {}

    /** @param instance the first instance that fails ("n=4096"), @param figure what was measured against what */
    record Fails(String instance, String figure) implements Verdict {}

    /**
     * DEPTH: tc0's region or block is deeper than the paper's formula evaluated with tc0's own primitive depths. It
     * does not fail the run unless asked ({@code tc0 lemmas --strict-depth}).
     *
     * @param instance the first instance above ("n=4"), @param figure by how many levels and how many times, with the primitives
     */
    record Above(String instance, String figure) implements Verdict {}

    /** @param reason why no verdict (no spec, no check built, a depth the blocks do not measure) */
    record Undecided(String reason) implements Verdict {}

    static Verdict holds() {
        return new Holds();
    }

    /** "HOLDS", "FAILS", "ABOVE" or "UNDECIDED": the word a table prints. */
    default String word() {
        return switch (this) {
            case Holds h -> "HOLDS";
            case Fails f -> "FAILS";
            case Above a -> "ABOVE";
            case Undecided u -> "UNDECIDED";
        };
    }

    /** One line: the word and, unless it holds, where and why. */
    default String line() {
        return switch (this) {
            case Holds h -> "HOLDS";
            case Fails f -> "FAILS at " + f.instance() + ": " + f.figure();
            case Above a -> "ABOVE at " + a.instance() + ": " + a.figure();
            case Undecided u -> "UNDECIDED: " + u.reason();
        };
    }
}
