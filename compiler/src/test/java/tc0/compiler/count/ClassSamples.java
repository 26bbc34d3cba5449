package tc0.compiler.count;

import java.util.Random;

/** Random element classes for tests: constant bits, repeated and negated slots, mixed levels. */
final class ClassSamples {
    private ClassSamples() {}

    static ElemClass random(Random r, int width) {
        int[] bits = new int[width];
        int[] levels = new int[width];
        int slots = 0;
        int style = r.nextInt(4); // 0 plain, 1 constants, 2 sign-extended, 3 anything
        for (int k = 0; k < width; k++) {
            int pick = style == 0 ? 2 : r.nextInt(style == 1 ? 3 : 5);
            if (style == 2) pick = k < width - 2 - r.nextInt(2) ? 2 : 4;
            switch (pick) {
                case 0 -> bits[k] = ElemClass.FALSE;
                case 1 -> bits[k] = ElemClass.TRUE;
                case 2, 3 -> { levels[slots] = r.nextInt(4); bits[k] = slots++ << 1; }
                default -> bits[k] = slots == 0 ? ElemClass.FALSE : (r.nextInt(slots) << 1 | (style == 2 ? 0 : r.nextInt(2)));
            }
            if (style == 2 && pick == 4 && slots > 0) bits[k] = (slots - 1) << 1;
        }
        return ElemClass.of(bits, java.util.Arrays.copyOf(levels, slots));
    }

    /** Per-level gates and wires of two profiles agree. */
    static void assertSameProfile(Profile want, Profile got, String what) {
        org.junit.jupiter.api.Assertions.assertEquals(want.cost(), got.cost(), what);
        for (int l = 1; l <= want.depth(); l++) org.junit.jupiter.api.Assertions.assertEquals(want.at(l), got.at(l), what + " level " + l);
    }
}
