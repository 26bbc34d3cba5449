package tc0.circuits.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * How a batch's levels are launched. A block owns a tile of pattern words; its threads share out the
 * level's (operation, word) items, the word varying fastest so that neighbouring threads read neighbouring
 * words. Patterns are independent, so blocks never wait for each other: narrow levels (few items per block)
 * run back to back in one launch, separated by a block-wide barrier, in tiles small enough to give about
 * {@code targetBlocks} blocks; a wide level gets a launch of its own, in tiles of 32 words (a warp reads one
 * operand's 256 consecutive bytes), its operations spread over {@code gridY} blocks per tile as well.
 *
 * @param targetBlocks blocks a narrow launch aims for (tiles of words / targetBlocks words, 1 to 32)
 * @param maxBlock     most threads of a block; a level is narrow while its items of a tile fit in one block
 * @param wideBlock    threads of a block in a wide level's launch
 */
public record LaunchPlan(int targetBlocks, int maxBlock, int wideBlock) {
    /** The plan the GPU runs: 132 multiprocessors (an H100, H200) get about two blocks each. */
    public static final LaunchPlan DEFAULT = new LaunchPlan(264, 1024, 256);
    /** Most words of a tile: a warp's 32 threads read 32 consecutive words (256 bytes). */
    static final int MAX_TILE = 32;
    /** CUDA's limit on gridDim.y. */
    static final int MAX_GRID_Y = 65_535;

    public LaunchPlan {
        if (targetBlocks < 1 || maxBlock < 1 || wideBlock < 1) {
            throw new IllegalArgumentException("a launch plan needs positive sizes: " + targetBlocks + ", " + maxBlock + ", " + wideBlock);
        }
    }

    /**
     * One kernel launch: levels {@code firstLevel .. endLevel - 1}, block (x, y) owning words
     * {@code x * tile ..} and, when {@code gridY > 1} (one level only), every {@code gridY}-th share of items.
     */
    public record Launch(int firstLevel, int endLevel, int tile, int gridX, int gridY, int block) {}

    /** The launches for a batch of {@code words} pattern words (at least 1). */
    public List<Launch> launches(KernelArrays a, int words) {
        int tile = Math.clamp(words / targetBlocks, 1, MAX_TILE);
        int gridX = (words + tile - 1) / tile;
        int wideTile = Math.min(MAX_TILE, words);
        int wideGridX = (words + wideTile - 1) / wideTile;
        List<Launch> out = new ArrayList<>();
        int l = 0, levels = a.levels();
        while (l < levels) {
            if ((long) a.width(l) * tile > maxBlock) {
                long items = (long) a.width(l) * wideTile;
                int gridY = (int) Math.min(MAX_GRID_Y, (items + wideBlock - 1) / wideBlock);
                out.add(new Launch(l, l + 1, wideTile, wideGridX, gridY, wideBlock));
                l++;
                continue;
            }
            int start = l;
            long widest = 1;
            for (; l < levels && (long) a.width(l) * tile <= maxBlock; l++) widest = Math.max(widest, (long) a.width(l) * tile);
            int block = (int) Math.min(maxBlock, (widest + 31) / 32 * 32);
            out.add(new Launch(start, l, tile, gridX, 1, block));
        }
        return out;
    }
}
