package tc0.dsl.ast;

import java.util.Objects;

/** How a weight gets its values. */
public sealed interface Init {
    Pos pos();

    /**
     * {@code random(seed: s)}: pseudo-random values; the elaborator derives each instance's seed from
     * s and the instance path (function call, loop iteration).
     */
    record Random(SizeExpr seed, Pos pos) implements Init {
        public Random {
            Objects.requireNonNull(seed);
            Objects.requireNonNull(pos);
        }
    }

    /** {@code load("w.npy")}: a NumPy .npy file, path relative to the spec file (see docs/LANGUAGE.md). */
    record Load(String path, Pos pos) implements Init {
        public Load {
            Objects.requireNonNull(path);
            Objects.requireNonNull(pos);
        }
    }
}
