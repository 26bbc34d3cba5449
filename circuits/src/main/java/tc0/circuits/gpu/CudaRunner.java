package tc0.circuits.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * {@link KernelRunner} on the CUDA device: the circuit's arrays in device memory once, a value buffer and an
 * output buffer per batch size, the kernels of {@code levels.cu} compiled by NVRTC on first use (cached per
 * source and architecture) and launched on the default stream.
 */
final class CudaRunner implements KernelRunner {
    /** The kernel source, a resource beside this class. */
    static final String SOURCE = source();
    private static final int ARRAYS = 9, LEVEL_PARAMS = 15, GATHER_PARAMS = 6;

    private final CudaDriver cuda;
    private final MemorySegment levelsKernel, gatherKernel;
    private final Arena arena = Arena.ofShared();
    private final long[] arrays = new long[ARRAYS]; // device pointers, in tc0_levels' parameter order
    private long outputsArray, values, out;
    private long valuesBytes, outBytes;
    private int outputCount;
    private MemorySegment host = MemorySegment.NULL; // staging for copies, grown as needed
    private final MemorySegment levelArgs, levelParams, gatherArgs, gatherParams;
    private boolean closed;

    CudaRunner(CudaDriver cuda, byte[] ptx) {
        this.cuda = cuda;
        cuda.current();
        MemorySegment module = cuda.loadModule(ptx);
        levelsKernel = cuda.function(module, "tc0_levels");
        gatherKernel = cuda.function(module, "tc0_gather");
        levelArgs = arena.allocate(8L * LEVEL_PARAMS, 8);
        levelParams = params(levelArgs, LEVEL_PARAMS);
        gatherArgs = arena.allocate(8L * GATHER_PARAMS, 8);
        gatherParams = params(gatherArgs, GATHER_PARAMS);
    }

    /** The void** array cuLaunchKernel wants: the address of each 8-byte argument cell. */
    private MemorySegment params(MemorySegment cells, int n) {
        MemorySegment p = arena.allocate(ValueLayout.ADDRESS, n);
        for (int i = 0; i < n; i++) p.setAtIndex(ValueLayout.ADDRESS, i, cells.asSlice(8L * i, 8));
        return p;
    }

    /** The PTX for this device: from the cache, else compiled by NVRTC and stored. */
    static byte[] ptx(CudaDriver cuda) {
        return PtxCache.standard().get(SOURCE, cuda.arch(), (src, arch) -> Nvrtc.open().compile(src, arch));
    }

    private static String source() {
        try (InputStream in = CudaRunner.class.getResourceAsStream("levels.cu")) {
            if (in == null) throw new IllegalStateException("levels.cu is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public long freeBytes() {
        cuda.current();
        return cuda.freeMemory() / 2; // leave room for the driver and other users
    }

    @Override
    public void load(KernelArrays a) {
        cuda.current();
        arrays[0] = upload(a.levelStart());
        arrays[1] = upload(a.opKind());
        arrays[2] = upload(a.opWidth());
        arrays[3] = upload(a.opFanin());
        arrays[4] = upload(a.opOut());
        arrays[5] = upload(a.operand());
        arrays[6] = upload(a.weight());
        arrays[7] = upload(a.outSlot());
        arrays[8] = upload(a.threshold());
        outputsArray = upload(a.outputs());
        outputCount = a.outputs().length;
        valuesSlots = a.slots();
    }

    private int valuesSlots;

    private long upload(int[] xs) {
        return upload(MemorySegment.ofArray(xs));
    }

    private long upload(long[] xs) {
        return upload(MemorySegment.ofArray(xs));
    }

    /** Copies a Java array (as a heap segment) to fresh device memory through the staging buffer. */
    private long upload(MemorySegment array) {
        long bytes = array.byteSize();
        long d = cuda.alloc(bytes);
        MemorySegment h = staging(bytes);
        MemorySegment.copy(array, 0, h, 0, bytes);
        if (bytes > 0) cuda.copyToDevice(d, h, bytes);
        return d;
    }

    private MemorySegment staging(long bytes) {
        if (host.byteSize() < bytes) host = arena.allocate(Math.max(bytes, 2 * host.byteSize()), 8);
        return host;
    }

    @Override
    public void reserve(int stride) {
        cuda.current();
        long v = 8L * valuesSlots * stride, o = 8L * outputCount * stride;
        if (v > valuesBytes) {
            cuda.free(values);
            values = cuda.alloc(v);
            valuesBytes = v;
        }
        if (o > outBytes) {
            cuda.free(out);
            out = cuda.alloc(o);
            outBytes = o;
        }
    }

    @Override
    public void writeValues(long[] src, int longs) {
        cuda.current();
        MemorySegment h = staging(8L * longs);
        MemorySegment.copy(src, 0, h, ValueLayout.JAVA_LONG, 0, longs);
        cuda.copyToDevice(values, h, 8L * longs);
    }

    @Override
    public void levels(LaunchPlan.Launch l, int stride, int words) {
        cuda.current();
        for (int i = 0; i < ARRAYS; i++) levelArgs.setAtIndex(ValueLayout.JAVA_LONG, i, arrays[i]);
        levelArgs.setAtIndex(ValueLayout.JAVA_LONG, 9, values);
        int[] ints = {stride, words, l.firstLevel(), l.endLevel(), l.tile()};
        for (int i = 0; i < ints.length; i++) levelArgs.set(ValueLayout.JAVA_INT, 8L * (10 + i), ints[i]);
        cuda.launch(levelsKernel, l.gridX(), l.gridY(), l.block(), levelParams);
    }

    @Override
    public void sync() {
        cuda.current();
        cuda.synchronize();
    }

    @Override
    public void gather(int stride, int words, long[] dst) {
        cuda.current();
        long items = (long) outputCount * words;
        if (items == 0) return;
        gatherArgs.setAtIndex(ValueLayout.JAVA_LONG, 0, outputsArray);
        gatherArgs.setAtIndex(ValueLayout.JAVA_LONG, 1, values);
        gatherArgs.setAtIndex(ValueLayout.JAVA_LONG, 2, out);
        gatherArgs.set(ValueLayout.JAVA_INT, 24, stride);
        gatherArgs.set(ValueLayout.JAVA_INT, 32, words);
        gatherArgs.set(ValueLayout.JAVA_INT, 40, outputCount);
        int block = 256;
        cuda.launch(gatherKernel, (int) ((items + block - 1) / block), 1, block, gatherParams);
        MemorySegment h = staging(8 * items);
        cuda.copyToHost(h, out, 8 * items); // synchronous: waits for the gather
        MemorySegment.copy(h, ValueLayout.JAVA_LONG, 0, dst, 0, (int) items);
    }

    /** Device-to-device copy bandwidth in bytes per second (read plus written), over a buffer of {@code bytes}. */
    static double measureBandwidth(CudaDriver cuda, long bytes) {
        cuda.current();
        long a = cuda.alloc(bytes), b = cuda.alloc(bytes);
        try {
            cuda.copyOnDevice(b, a, bytes); // warm-up
            cuda.synchronize();
            double best = 0;
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                cuda.copyOnDevice(b, a, bytes);
                cuda.synchronize();
                best = Math.max(best, 2.0 * bytes / ((System.nanoTime() - t0) / 1e9));
            }
            return best;
        } finally {
            cuda.free(a);
            cuda.free(b);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        cuda.current();
        for (long d : arrays) cuda.free(d);
        cuda.free(outputsArray);
        cuda.free(values);
        cuda.free(out);
        arena.close();
    }
}
