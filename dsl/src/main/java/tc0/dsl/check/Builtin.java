package tc0.dsl.check;

import java.util.List;

/**
 * The closed set of built-in operations: name, how many positional arguments, which named ones,
 * and the signature shown in messages and in docs/LANGUAGE.md. Type and shape rules live in
 * {@link ShapeChecker}.
 */
public enum Builtin {
    EXP("exp", "exp(X)", 1, 1), RELU("relu", "relu(X)", 1, 1), GELU("gelu", "gelu(X)", 1, 1),
    SILU("silu", "silu(X)", 1, 1), SOFTPLUS("softplus", "softplus(X)", 1, 1),
    SIGMOID("sigmoid", "sigmoid(X)", 1, 1), TANH("tanh", "tanh(X)", 1, 1), SQRT("sqrt", "sqrt(X)", 1, 1),
    RECIP("recip", "recip(X)", 1, 1), SIN("sin", "sin(X)", 1, 1), COS("cos", "cos(X)", 1, 1),
    RSQRT("rsqrt", "rsqrt(X)", 1, 1),
    ABS("abs", "abs(X)", 1, 1),
    LOG2("log2", "log2(s)", 1, 1),
    MIN("min", "min(a, b) or min(X, axis: k)", 1, 2, named("axis", false, ArgKind.AXIS)),
    MAX("max", "max(a, b) or max(X, axis: k)", 1, 2, named("axis", false, ArgKind.AXIS)),
    SUM("sum", "sum(X, axis: k)", 1, 1, named("axis", false, ArgKind.AXIS)),
    MEAN("mean", "mean(X, axis: k, mask: M)", 1, 1, named("axis", false, ArgKind.AXIS),
            named("mask", false, ArgKind.TENSOR)),
    SOFTMAX("softmax", "softmax(X, axis: k, mask: M)", 1, 1, named("axis", false, ArgKind.AXIS),
            named("mask", false, ArgKind.TENSOR)),
    LAYERNORM("layernorm", "layernorm(X)", 1, 1),
    TRANSPOSE("transpose", "transpose(X)", 1, 1),
    ROPE("rope", "rope(X)", 1, 1),
    SCANEXP("scanexp", "scanexp(Z, B)", 2, 2),
    ROWKRON("rowkron", "rowkron(A, B)", 2, 2),
    COLKRON("colkron", "colkron(A, B)", 2, 2),
    CONCAT("concat", "concat(A, B, axis: k) or concat(for h in 0 .. heads { X }, axis: k)", 1, 2, named("axis", true, ArgKind.AXIS)),
    RESHAPE("reshape", "reshape(X, [d0, d1, ...])", 2, 2),
    UPSAMPLE("upsample", "upsample(X, to: [h, w], mode: nearest|bilinear)", 1, 1,
            named("to", true, ArgKind.SHAPE), named("mode", true, ArgKind.MODE)),
    DOWNSAMPLE("downsample", "downsample(X, to: [h, w], mode: nearest|bilinear)", 1, 1,
            named("to", true, ArgKind.SHAPE), named("mode", true, ArgKind.MODE)),
    ZEROS("zeros", "zeros([d0, d1, ...])", 1, 1),
    ONES("ones", "ones([d0, d1, ...])", 1, 1),
    RANDOM("random", "random(seed: s)", 0, 0, named("seed", true, ArgKind.SIZE)),
    LOAD("load", "load(\"file.npy\")", 1, 1),
    WHERE("where", "where(cond, a, b)", 3, 3),
    EYE("eye", "eye(n)", 1, 1), TRIL("tril", "tril(n)", 1, 1), TRIU("triu", "triu(n)", 1, 1),
    CUMSUM("cumsum", "cumsum(X, axis: k)", 1, 1, named("axis", false, ArgKind.AXIS)),
    LEAKY_RELU("leaky_relu", "leaky_relu(X, slope)", 2, 2), ELU("elu", "elu(X)", 1, 1);

    /** What a named argument holds. */
    public enum ArgKind { AXIS, SHAPE, MODE, SIZE, TENSOR }

    /** A named argument of a built-in. */
    public record NamedParam(String name, boolean required, ArgKind kind) {}

    /** The interpolation modes of upsample and downsample. */
    public static final List<String> MODES = List.of("nearest", "bilinear");

    private final String text;
    private final String signature;
    private final int minArgs;
    private final int maxArgs;
    private final List<NamedParam> named;

    Builtin(String text, String signature, int minArgs, int maxArgs, NamedParam... named) {
        this.text = text;
        this.signature = signature;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.named = List.of(named);
    }

    private static NamedParam named(String name, boolean required, ArgKind kind) {
        return new NamedParam(name, required, kind);
    }

    public String text() {
        return text;
    }

    public String signature() {
        return signature;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    public List<NamedParam> named() {
        return named;
    }

    /** Whether this is one of the elementwise functions of one argument. */
    public boolean isElementwise() {
        return ordinal() <= ABS.ordinal();
    }

    /**
     * Why a name that once was a built-in is gone and what replaces it, or null: the message for a call of
     * it with the old arguments (the name is now the prelude's Mamba scan block, of four arguments).
     */
    public static String retired(String name) {
        return name.equals("scan")
                ? "'scan(A, B)' was replaced by 'scanexp(Z, B)', which takes log-decays (A = exp(Z)): an exact product"
                        + " of n decays has no practical constant-depth circuit, a sum of log-decays does"
                : null;
    }

    /** The built-in called {@code name}, or null. */
    public static Builtin named(String name) {
        for (Builtin b : values()) {
            if (b.text.equals(name)) {
                return b;
            }
        }
        return null;
    }
}
