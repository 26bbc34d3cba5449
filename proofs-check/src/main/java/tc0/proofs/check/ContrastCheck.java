package tc0.proofs.check;

import java.util.ArrayList;
import java.util.List;
import tc0.compiler.count.CountedCost;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.structural.Growth;
import tc0.proofs.structural.SweepPoint;

/**
 * CONTRAST: a problem believed outside TC0, its natural circuit counted over the sweep; it holds when the depth
 * grows with n (set beside the architectures' constant depth), and fails when it stays constant.
 */
public final class ContrastCheck {
    static final String NOT_SHOWN = "that no constant-depth circuit exists: only that this natural construction's depth grows";

    private ContrastCheck() {}

    public static Outcome run(Target t, Instances in) {
        List<SweepPoint> points = new ArrayList<>();
        for (long n : t.ns()) {
            CountedCost c = in.count(t.spec(), n);
            points.add(new SweepPoint(n, c.depth(), c.gates(), c.wires(), c.width()));
        }
        if (points.size() < 2) {
            return new Outcome(t.paper(), t.claim(), CheckKind.CONTRAST, t.spec(), Target.nList(t.ns()) + " counted",
                    List.of("depth " + StructCheck.join(points.stream().map(SweepPoint::depth).toList())),
                    new Verdict.Undecided("a sweep needs at least two n"), NOT_SHOWN);
        }
        List<String> figures = List.of("depth " + StructCheck.join(points.stream().map(SweepPoint::depth).toList()),
                String.format("%+.1f depth per doubling of n", Growth.perDoubling(points, SweepPoint::depth)));
        // growing: never settles; a depth that differs only at the smallest n and is then the same (conv1d's kernel
        // cut at n = 2) does not grow
        Verdict v = Growth.settledFrom(points, SweepPoint::depth) < points.size() - 1
                ? new Verdict.Fails("n=" + points.getLast().n(), "depth " + StructCheck.join(points.stream().map(SweepPoint::depth).toList())
                        + " settles at " + points.getLast().depth() + ": it does not grow")
                : Verdict.holds();
        return new Outcome(t.paper(), t.claim(), CheckKind.CONTRAST, t.spec(), Target.nList(t.ns()) + " counted", figures, v, NOT_SHOWN);
    }
}
