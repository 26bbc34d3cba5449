package tc0.compiler.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pair axis held factored ({@link PairAxis}) against the same axis listed position by position: its groups and
 * counts, its keyed prefixes and suffixes by max(a, b) ({@link PairKeys}, every count, first and last position
 * from the definition), the joint of two maps ({@link AxisJoint}) and a class map holding it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PairAxisTest {
    /** A random pair axis of q x q positions: random factor groups and a random table into {@code groups} groups. */
    private static PairAxis random(Random r, int q, int groups) {
        int lg = 1 + r.nextInt(3), rg = 1 + r.nextInt(3);
        int[] left = new int[q], right = new int[q], table = new int[lg * rg];
        for (int i = 0; i < q; i++) { left[i] = i < lg ? i : r.nextInt(lg); right[i] = i < rg ? i : r.nextInt(rg); }
        for (int c = 0; c < table.length; c++) table[c] = c < groups ? c : r.nextInt(groups);
        return new PairAxis(left, Math.min(lg, q), right, Math.min(rg, q), table);
    }

    @Test
    void groupsAndCountsAreThoseOfTheListedPositions() {
        Random r = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int q = 3 + r.nextInt(6), groups = 1 + r.nextInt(4);
            PairAxis p = random(r, q, groups);
            int[] listed = p.listed();
            long[] want = new long[groups];
            for (int j = 0; j < q * q; j++) {
                int g = p.table()[p.left()[j / q] * p.rightGroups() + p.right()[j % q]];
                assertEquals(g, listed[j]);
                assertEquals(g, p.group(j));
                want[g]++;
            }
            assertArrayEquals(want, p.counts(groups));
        }
    }

    @Test
    void keyedPairsCountFirstAndLastAsTheDefinitionSays() {
        Random r = new Random(11);
        for (int trial = 0; trial < 80; trial++) {
            int q = 3 + r.nextInt(6), groups = 1 + r.nextInt(4);
            PairAxis p = random(r, q, groups);
            KeyedPositions kp = KeyedPositions.of(p, groups, new Diagonal(0, q));
            assertEquals(PairKeys.class, kp.getClass());
            int[] ids = p.listed();
            for (int g = 0; g < groups; g++) {
                for (int cut = -1; cut <= q; cut++) {
                    long below = 0, above = 0, firstB = Long.MAX_VALUE, lastB = -1, firstA = Long.MAX_VALUE, lastA = -1;
                    for (int j = 0; j < q * q; j++) {
                        if (ids[j] != g) continue;
                        if (Math.max(j / q, j % q) <= cut) { below++; firstB = Math.min(firstB, j); lastB = Math.max(lastB, j); }
                        else { above++; firstA = Math.min(firstA, j); lastA = Math.max(lastA, j); }
                    }
                    assertEquals(below, kp.atMost(g, cut), "trial " + trial + " group " + g + " cut " + cut);
                    assertEquals(below + above, kp.size(g));
                    if (below > 0) { assertEquals(firstB, kp.first(g, 0, cut)); assertEquals(lastB, kp.last(g, 0, cut)); }
                    if (above > 0) { assertEquals(firstA, kp.first(g, 1, cut), "first above " + cut); assertEquals(lastA, kp.last(g, 1, cut)); }
                }
            }
        }
    }

    /**
     * {@link PairKeys#cursor()} against the keys searched per question: every group's count, first and last on both
     * sides, asked as a causal softmax asks (cuts growing by one, each group in turn), then at random cuts (some
     * falling), on axes up to 300 x 300.
     */
    @Test
    void theCursorAnswersAsTheSearches() {
        Random r = new Random(13);
        for (int trial = 0; trial < 60; trial++) {
            int q = 3 + r.nextInt(trial < 30 ? 6 : 300), groups = 1 + r.nextInt(4);
            PairAxis p = random(r, q, groups);
            KeyedPositions kp = KeyedPositions.of(p, groups, new Diagonal(0, q)), cur = kp.cursor();
            assertEquals(PairKeys.class, kp.getClass());
            for (int step = 0; step < q + 2 + 50; step++) {
                long cut = step < q + 2 ? step - 1 : r.nextInt(q + 2) - 1;
                for (int g = 0; g < groups; g++) {
                    String what = "trial " + trial + " q " + q + " group " + g + " cut " + cut;
                    long below = kp.atMost(g, cut);
                    assertEquals(below, cur.atMost(g, cut), what);
                    assertEquals(kp.size(g), cur.size(g), what);
                    if (below > 0) { assertEquals(kp.first(g, 0, cut), cur.first(g, 0, cut), what); assertEquals(kp.last(g, 0, cut), cur.last(g, 0, cut), what); }
                    if (below < kp.size(g)) { assertEquals(kp.first(g, 1, cut), cur.first(g, 1, cut), what); assertEquals(kp.last(g, 1, cut), cur.last(g, 1, cut), what); }
                }
            }
        }
    }

    @Test
    void theJointOfTwoFactoredMapsGroupsLikeTheListedJoint() {
        Random r = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int q = 3 + r.nextInt(5);
            PairAxis p1 = random(r, q, 1 + r.nextInt(3)), p2 = random(r, q, 1 + r.nextInt(3));
            ClassMap m1 = mapOf(p1, q), m2 = mapOf(p2, q);
            AxisJoint f = AxisJoint.of(new ClassMap[] {m1, m2}, new int[] {1, 1});
            ClassMap l1 = ClassMap.of(m1.shape, new int[][] {null, m1.axisGroups(1)}, new int[] {1, m1.groups(1)}, classes(m1));
            ClassMap l2 = ClassMap.of(m2.shape, new int[][] {null, m2.axisGroups(1)}, new int[] {1, m2.groups(1)}, classes(m2));
            AxisJoint l = AxisJoint.of(new ClassMap[] {l1, l2}, new int[] {1, 1});
            if (m1.pairAxis(1) != null && m2.pairAxis(1) != null) assertNotNull(f.pairs());
            assertEquals(l.count(), f.count());
            // Same partition: positions in one joint group in one are so in the other, with the same parts.
            int[] map = new int[f.count()];
            java.util.Arrays.fill(map, -1);
            for (int j = 0; j < q * q; j++) {
                int a = f.group(j), b = l.group(j);
                if (map[a] < 0) map[a] = b;
                assertEquals(map[a], b);
                assertEquals(m1.group(1, j), f.parts()[a][0]);
                assertEquals(m2.group(1, j), f.parts()[a][1]);
            }
            long[] fc = f.counts(), lc = l.counts();
            for (int g = 0; g < f.count(); g++) assertEquals(lc[map[g]], fc[g]);
        }
    }

    /** A 1 x q^2 map whose column groups are the pair axis's, each group its own constant class. */
    private static ClassMap mapOf(PairAxis p, int q) {
        int groups = 0;
        for (int t : p.table()) groups = Math.max(groups, t + 1);
        int[] table = new int[groups];
        for (int g = 0; g < groups; g++) table[g] = ElemClass.constant(g, 4).id;
        ClassMap m = ClassMap.of(new long[] {1, (long) q * q}, new int[2][], new PairAxis[] {null, p}, new int[] {1, groups}, table);
        for (int j = 0; j < q * q; j++) assertEquals(ElemClass.byId(table[p.group(j)]), m.element(new long[] {0, j}));
        return m;
    }

    private static int[] classes(ClassMap m) {
        int[] t = new int[m.groups(1)];
        for (int g = 0; g < t.length; g++) t[g] = m.id(0, g);
        return t;
    }
}
