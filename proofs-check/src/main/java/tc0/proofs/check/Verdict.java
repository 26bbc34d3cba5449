package tc0.proofs.check;

/** A check's verdict: it held on every instance, it failed on one (named, with the figure), or it could not decide. */
public sealed interface Verdict {
    /** Every instance checked meets the check. */
    record Holds() implements Verdict {}

    /** @param instance the first instance that fails ("n=4096"), @param figure what was measured against what */
    record Fails(String instance, String figure) implements Verdict {}

    /** @param reason why no verdict (no spec, no check built, a depth the blocks do not measure) */
    record Undecided(String reason) implements Verdict {}

    static Verdict holds() {
        return new Holds();
    }

    /** "HOLDS", "FAILS" or "UNDECIDED": the word a table prints. */
    default String word() {
        return switch (this) {
            case Holds h -> "HOLDS";
            case Fails f -> "FAILS";
            case Undecided u -> "UNDECIDED";
        };
    }

    /** One line: the word and, for a failure or an undecided check, where and why. */
    default String line() {
        return switch (this) {
            case Holds h -> "HOLDS";
            case Fails f -> "FAILS at " + f.instance() + ": " + f.figure();
            case Undecided u -> "UNDECIDED: " + u.reason();
        };
    }
}
