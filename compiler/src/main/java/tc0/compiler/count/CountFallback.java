package tc0.compiler.count;

/**
 * What counting does where the class summary cannot count a program exactly (two views of one tensor in one
 * op, a node read only in part): it builds the program without hashing and counts the build, for programs of
 * up to {@link TensorIrToCost#FALLBACK_LIMIT} elements. A fallback is told why before that build and the
 * gates built after every node; either may throw to refuse or to stop the build (a size limit).
 */
public interface CountFallback {
    /**
     * Before building: {@code why} names the node the summary cannot count (id, op, region) and the reason,
     * {@code elements} the program's elements in all nodes. Throw to refuse the build.
     */
    void building(String why, long elements);

    /** After each node of the build: the gates built so far. Throw to stop the build. */
    void built(long gates);

    /** Builds without a word and without a limit beyond the elements' (tests, library callers). */
    CountFallback SILENT = new CountFallback() {
        @Override public void building(String why, long elements) { }

        @Override public void built(long gates) { }
    };
}
