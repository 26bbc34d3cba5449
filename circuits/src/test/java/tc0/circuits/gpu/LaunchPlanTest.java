package tc0.circuits.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LaunchPlanTest {
    /** Arrays with only the level structure filled in: {@code widths[l]} operations on level l. */
    private static KernelArrays levels(int... widths) {
        int[] start = new int[widths.length + 1];
        for (int l = 0; l < widths.length; l++) start[l + 1] = start[l] + widths[l];
        int ops = start[widths.length];
        return new KernelArrays(0, 1, start, new int[ops], new int[ops], new int[ops + 1], new int[ops + 1],
                new int[0], new long[0], new int[0], new long[0], new int[0], ops);
    }

    @Test
    void narrowLevelsShareALaunchAndAWideLevelHasItsOwn() {
        var plan = new LaunchPlan(100, 1024, 256);
        // 1,600 words: narrow tiles of 16 words, 100 blocks; a level is narrow up to 64 operations
        List<LaunchPlan.Launch> ls = plan.launches(levels(3, 9, 64, 65, 2, 2), 1600);
        assertEquals(List.of(
                new LaunchPlan.Launch(0, 3, 16, 100, 1, 1024),
                new LaunchPlan.Launch(3, 4, 32, 50, 9, 256),    // tiles of 32: 65 x 32 = 2,080 items, 9 blocks of 256
                new LaunchPlan.Launch(4, 6, 16, 100, 1, 32)), ls);
    }

    @Test
    void everyLevelIsLaunchedOnceInOrderAndEveryWordHasABlock() {
        var a = levels(1, 500, 1, 1, 70_000, 3, 1);
        for (int words : new int[] {1, 7, 64, 1000, 100_000}) {
            int next = 0;
            for (LaunchPlan.Launch l : LaunchPlan.DEFAULT.launches(a, words)) {
                assertEquals(next, l.firstLevel());
                next = l.endLevel();
                assertTrue(l.tile() >= 1 && l.tile() <= 32 && (long) l.gridX() * l.tile() >= words
                        && (long) (l.gridX() - 1) * l.tile() < words, l + " for " + words + " words");
                assertTrue(l.gridY() == 1 || l.endLevel() == l.firstLevel() + 1, "only a single level is split: " + l);
                assertTrue(l.block() >= 1 && l.block() <= 1024, l.toString());
            }
            assertEquals(a.levels(), next);
        }
    }
}
