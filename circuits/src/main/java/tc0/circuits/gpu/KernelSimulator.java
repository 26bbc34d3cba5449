package tc0.circuits.gpu;

/**
 * The kernels of {@code levels.cu} in plain Java, on the same arrays with the same loops: grid blocks and
 * their threads are loops run one after the other (a level's items are independent, and a block's barrier
 * between levels is the end of a level's loop), and each method below is its CUDA function line for line.
 * Tested bit for bit against the CPU evaluators; what it cannot test is the CUDA compiler and the device.
 */
final class KernelSimulator implements KernelRunner {
    private final long memoryBytes;
    private KernelArrays a;
    private long[] values = new long[0];
    private long[] out = new long[0];
    // one thread's counter (its local arrays in CUDA)
    private final long[] counter = new long[KernelArrays.MAX_WIDTH];
    private final long[] pend = new long[KernelArrays.MAX_WIDTH];

    /** A simulated device with {@code memoryBytes} for buffers: small values force many batches. */
    KernelSimulator(long memoryBytes) {
        this.memoryBytes = memoryBytes;
    }

    @Override
    public String name() {
        return "gpu-simulated";
    }

    @Override
    public long freeBytes() {
        return memoryBytes;
    }

    @Override
    public void load(KernelArrays arrays) {
        this.a = arrays;
    }

    @Override
    public void reserve(int stride) {
        long v = (long) a.slots() * stride, o = (long) a.outputs().length * stride;
        if (v > Integer.MAX_VALUE - 16 || o > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("batch too large to simulate");
        if (values.length < v) values = new long[(int) v];
        if (out.length < o) out = new long[(int) o];
    }

    @Override
    public void writeValues(long[] src, int longs) {
        System.arraycopy(src, 0, values, 0, longs);
    }

    @Override
    public void levels(LaunchPlan.Launch l, int stride, int words) {
        for (int bx = 0; bx < l.gridX(); bx++) {
            for (int by = 0; by < l.gridY(); by++) levelsBlock(l, bx, by, stride, words);
        }
    }

    @Override
    public void sync() {}

    @Override
    public void gather(int stride, int words, long[] dst) {
        int count = a.outputs().length;
        long items = (long) count * words;
        int block = 256;
        long grid = (items + block - 1) / block;
        for (long bx = 0; bx < grid; bx++) {
            for (int tid = 0; tid < block; tid++) gatherThread(bx * block + tid, a.outputs(), stride, words, count);
        }
        System.arraycopy(out, 0, dst, 0, (int) items);
    }

    @Override
    public void close() {
        values = new long[0];
        out = new long[0];
    }

    // ---- levels.cu, tc0_levels: one block ----

    private void levelsBlock(LaunchPlan.Launch l, int blockX, int blockY, int stride, int words) {
        int[] levelStart = a.levelStart();
        int w0 = blockX * l.tile();
        int tileWords = Math.min(l.tile(), words - w0);
        for (int lv = l.firstLevel(); lv < l.endLevel(); lv++) {
            int o0 = levelStart[lv];
            long items = (long) (levelStart[lv + 1] - o0) * tileWords;
            for (int threadX = 0; threadX < l.block(); threadX++) {
                for (long it = (long) blockY * l.block() + threadX; it < items; it += (long) l.gridY() * l.block()) {
                    int op = o0 + (int) (it / tileWords);
                    int w = w0 + (int) (it % tileWords);
                    runOp(op, w, stride);
                }
            }
            // __syncthreads()
        }
    }

    private void runOp(int op, int w, int stride) {
        int f0 = a.opFanin()[op], f1 = a.opFanin()[op + 1], r0 = a.opOut()[op], r1 = a.opOut()[op + 1];
        switch (a.opKind()[op]) {
            case KernelArrays.AND -> {
                long acc = -1L;
                for (int e = f0; e < f1; e++) acc &= load(a.operand()[e], w, stride);
                values[a.outSlot()[r0] * stride + w] = acc;
            }
            case KernelArrays.SLICED -> {
                int width = a.opWidth()[op];
                count(f0, f1, width, w, stride);
                for (int r = r0; r < r1; r++) values[a.outSlot()[r] * stride + w] = atLeast(width, a.threshold()[r]);
            }
            default -> values[a.outSlot()[r0] * stride + w] = lanes(f0, f1, a.threshold()[r0], w, stride);
        }
    }

    private long load(int operand, int w, int stride) {
        return values[(operand >>> 1) * stride + w] ^ -(long) (operand & 1);
    }

    /**
     * Sums the operands times their weights into the counter, one plane per bit of the sum: a weight's set
     * bits add the operand at their columns. Each column keeps a pending plane beside its sum plane (carry-
     * save), so an add is a copy or one full adder whose carry moves one column up; the pending planes are
     * folded in at the end.
     */
    private void count(int f0, int f1, int width, int w, int stride) {
        for (int q = 0; q < width; q++) counter[q] = 0;
        long pending = 0;
        for (int e = f0; e < f1; e++) {
            long x = load(a.operand()[e], w, stride);
            for (long wt = a.weight()[e]; wt != 0; wt &= wt - 1) pending = add(pending, Long.numberOfTrailingZeros(wt), width, x);
        }
        for (int q = 0; q < width; q++) {
            if ((pending >>> q & 1) == 0) continue;
            pending &= ~(1L << q);
            long s = counter[q], p = pend[q];
            counter[q] = s ^ p;
            pending = add(pending, q + 1, width, s & p);
        }
    }

    /** Adds plane {@code y} at column {@code q}; returns the new set of columns with a pending plane. */
    private long add(long pending, int q, int width, long y) {
        for (; q < width; q++) { // the sum fits the width: nothing carries out of it
            if ((pending >>> q & 1) == 0) {
                pend[q] = y;
                return pending | 1L << q;
            }
            long s = counter[q], p = pend[q], x = s ^ p;
            counter[q] = x ^ y;
            y = (s & p) | (x & y);
            pending &= ~(1L << q);
        }
        return pending;
    }

    /** The 64 comparisons {@code counter >= t}, from the top plane down. */
    private long atLeast(int width, long t) {
        long greater = 0, equal = -1L;
        for (int q = width - 1; q >= 0; q--) {
            long s = counter[q];
            if ((t >>> q & 1) != 0) {
                equal &= s;
            } else {
                greater |= equal & s;
                equal &= ~s;
            }
        }
        return greater | equal;
    }

    /** One pattern at a time, exact: a 128-bit sum (hi, lo) of long weights. */
    private long lanes(int f0, int f1, long t, int w, int stride) {
        long tHi = t >> 63, word = 0;
        for (int lane = 0; lane < 64; lane++) {
            long hi = 0, lo = 0;
            for (int e = f0; e < f1; e++) {
                if ((load(a.operand()[e], w, stride) >>> lane & 1) != 0) {
                    long wt = a.weight()[e], sum = lo + wt;
                    hi += (wt >> 63) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
                    lo = sum;
                }
            }
            boolean ge = hi != tHi ? hi > tHi : Long.compareUnsigned(lo, t) >= 0;
            if (ge) word |= 1L << lane;
        }
        return word;
    }

    // ---- levels.cu, tc0_gather: one thread ----

    private void gatherThread(long i, int[] outputs, int stride, int words, int count) {
        if (i >= (long) count * words) return;
        int o = (int) (i / words), w = (int) (i % words);
        out[o * words + w] = load(outputs[o], w, stride);
    }
}
