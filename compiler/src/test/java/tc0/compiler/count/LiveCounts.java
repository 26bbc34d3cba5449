package tc0.compiler.count;

import java.util.function.BiFunction;
import tc0.compiler.gadgets.Net;

/** A live count for tests in other packages: a gadget counted on a {@link LiveNet} with families, and gate by gate. */
public final class LiveCounts {
    private LiveCounts() {}

    /** {gates, wires} gate by gate (no twins), then {gates, wires} with twins and families; every output read. */
    public static long[] plainAndFamilies(int[] levels, BiFunction<Net, int[], int[]> gadget) {
        boolean[] all = new boolean[256];
        java.util.Arrays.fill(all, true);
        LiveNet plain = new LiveNet(levels, null, 0, false, false);
        plain.withoutTwins();
        FamilyCountTest.live(plain, gadget, all);
        LiveNet families = new LiveNet(levels, null, GateTail.DEFAULT_MAX, true, true);
        FamilyCountTest.live(families, gadget, all);
        if (!families.twinsLive()) throw new IllegalStateException("a twin's fresh literal unread");
        return new long[] {plain.gates(), plain.wires(), families.gates(), families.wires()};
    }
}
