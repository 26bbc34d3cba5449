package tc0.circuits.gpu;

import static tc0.circuits.gpu.Native.INT;
import static tc0.circuits.gpu.Native.LONG;
import static tc0.circuits.gpu.Native.PTR;
import static tc0.circuits.gpu.Native.call;
import static tc0.circuits.gpu.Native.intFunction;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The CUDA driver API (libcuda.so.1) through Java's foreign-function API: the few calls the GPU evaluator
 * makes, each a downcall handle written by hand from the C prototype in cuda.h. Device 0, its primary
 * context, made current on the calling thread before each use. Opened once per process.
 */
final class CudaDriver {
    /** The driver library's name; the loader finds it where the NVIDIA driver installed it. */
    static final String LIBRARY = "libcuda.so.1";
    private static final int ATTRIBUTE_MULTIPROCESSORS = 16, ATTRIBUTE_MAJOR = 75, ATTRIBUTE_MINOR = 76;
    private static volatile Object opened; // a CudaDriver, or the GpuUnavailableException that stopped it

    private final MethodHandle getErrorName, ctxSetCurrent, moduleLoadData, moduleGetFunction, memAlloc, memFree,
            memcpyHtoD, memcpyDtoH, memcpyDtoD, memGetInfo, launchKernel, ctxSynchronize;
    private final MemorySegment context;
    final String deviceName;
    final int major, minor, multiprocessors;

    private CudaDriver(SymbolLookup lib) {
        getErrorName = intFunction(lib, "cuGetErrorName", INT, PTR);
        MethodHandle init = intFunction(lib, "cuInit", INT);
        MethodHandle deviceGetCount = intFunction(lib, "cuDeviceGetCount", PTR);
        MethodHandle deviceGet = intFunction(lib, "cuDeviceGet", PTR, INT);
        MethodHandle deviceGetName = intFunction(lib, "cuDeviceGetName", PTR, INT, INT);
        MethodHandle deviceGetAttribute = intFunction(lib, "cuDeviceGetAttribute", PTR, INT, INT);
        MethodHandle primaryCtxRetain = intFunction(lib, "cuDevicePrimaryCtxRetain", PTR, INT);
        ctxSetCurrent = intFunction(lib, "cuCtxSetCurrent", PTR);
        moduleLoadData = intFunction(lib, "cuModuleLoadData", PTR, PTR);
        moduleGetFunction = intFunction(lib, "cuModuleGetFunction", PTR, PTR, PTR);
        memAlloc = intFunction(lib, "cuMemAlloc_v2", PTR, LONG);
        memFree = intFunction(lib, "cuMemFree_v2", LONG);
        memcpyHtoD = intFunction(lib, "cuMemcpyHtoD_v2", LONG, PTR, LONG);
        memcpyDtoH = intFunction(lib, "cuMemcpyDtoH_v2", PTR, LONG, LONG);
        memcpyDtoD = intFunction(lib, "cuMemcpyDtoD_v2", LONG, LONG, LONG);
        memGetInfo = intFunction(lib, "cuMemGetInfo_v2", PTR, PTR);
        launchKernel = intFunction(lib, "cuLaunchKernel", PTR, INT, INT, INT, INT, INT, INT, INT, PTR, PTR, PTR);
        ctxSynchronize = intFunction(lib, "cuCtxSynchronize");

        int r = call(init, 0);
        if (r != 0) throw new GpuUnavailableException("CUDA did not start (cuInit: " + errorName(r) + "): no usable NVIDIA GPU or driver");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(INT);
            check(call(deviceGetCount, n), "cuDeviceGetCount");
            if (n.get(INT, 0) < 1) throw new GpuUnavailableException("CUDA found no GPU device");
            MemorySegment dev = a.allocate(INT);
            check(call(deviceGet, dev, 0), "cuDeviceGet");
            int device = dev.get(INT, 0);
            MemorySegment name = a.allocate(256);
            check(call(deviceGetName, name, 256, device), "cuDeviceGetName");
            deviceName = name.getString(0);
            major = attribute(deviceGetAttribute, a, ATTRIBUTE_MAJOR, device);
            minor = attribute(deviceGetAttribute, a, ATTRIBUTE_MINOR, device);
            multiprocessors = attribute(deviceGetAttribute, a, ATTRIBUTE_MULTIPROCESSORS, device);
            MemorySegment ctx = a.allocate(PTR);
            check(call(primaryCtxRetain, ctx, device), "cuDevicePrimaryCtxRetain");
            context = ctx.get(PTR, 0);
        }
    }

    /** The driver, opened on first use; the same failure every time when there is none. */
    static CudaDriver get() {
        Object o = opened;
        if (o == null) {
            synchronized (CudaDriver.class) {
                o = opened;
                if (o == null) {
                    try {
                        o = open(LIBRARY);
                    } catch (GpuUnavailableException e) {
                        o = e;
                    }
                    opened = o;
                }
            }
        }
        if (o instanceof GpuUnavailableException e) throw new GpuUnavailableException(e.getMessage(), e);
        return (CudaDriver) o;
    }

    /** Opens the driver from library {@code name}; a missing library is a {@link GpuUnavailableException}. */
    static CudaDriver open(String name) {
        SymbolLookup lib = Native.library(name).orElseThrow(() -> new GpuUnavailableException(
                "no CUDA: the driver library " + name + " was not found (no NVIDIA driver installed)"));
        try {
            return new CudaDriver(lib);
        } catch (IllegalStateException e) { // a device query or the context failed: no usable GPU either
            throw new GpuUnavailableException(e.getMessage(), e);
        }
    }

    /** "sm_90" for compute capability 9.0. */
    String arch() {
        return "sm_" + major + minor;
    }

    private int attribute(MethodHandle h, Arena a, int attribute, int device) {
        MemorySegment v = a.allocate(INT);
        check(call(h, v, attribute, device), "cuDeviceGetAttribute");
        return v.get(INT, 0);
    }

    /** Makes the primary context current on this thread. */
    void current() {
        check(call(ctxSetCurrent, context), "cuCtxSetCurrent");
    }

    /** Loads a PTX (or cubin) image; returns the module. */
    MemorySegment loadModule(byte[] image) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment img = a.allocate(image.length + 1L);
            MemorySegment.copy(image, 0, img, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, image.length);
            MemorySegment module = a.allocate(PTR);
            check(call(moduleLoadData, module, img), "cuModuleLoadData");
            return module.get(PTR, 0);
        }
    }

    MemorySegment function(MemorySegment module, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment f = a.allocate(PTR);
            check(call(moduleGetFunction, f, module, a.allocateFrom(name)), "cuModuleGetFunction " + name);
            return f.get(PTR, 0);
        }
    }

    /** Device memory of {@code bytes} (at least 1); returns the device pointer. */
    long alloc(long bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(LONG);
            check(call(memAlloc, p, Math.max(1, bytes)), "cuMemAlloc (" + bytes + " bytes)");
            return p.get(LONG, 0);
        }
    }

    void free(long device) {
        if (device != 0) call(memFree, device); // a failure to free is not worth a failed run
    }

    void copyToDevice(long device, MemorySegment host, long bytes) {
        check(call(memcpyHtoD, device, host, bytes), "cuMemcpyHtoD");
    }

    void copyToHost(MemorySegment host, long device, long bytes) {
        check(call(memcpyDtoH, host, device, bytes), "cuMemcpyDtoH");
    }

    void copyOnDevice(long dst, long src, long bytes) {
        check(call(memcpyDtoD, dst, src, bytes), "cuMemcpyDtoD");
    }

    /** Free device memory in bytes. */
    long freeMemory() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment free = a.allocate(LONG), total = a.allocate(LONG);
            check(call(memGetInfo, free, total), "cuMemGetInfo");
            return free.get(LONG, 0);
        }
    }

    /** Launches {@code f} on the default stream; {@code params} is the void** array of argument addresses. */
    void launch(MemorySegment f, int gridX, int gridY, int block, MemorySegment params) {
        check(call(launchKernel, f, gridX, gridY, 1, block, 1, 1, 0, MemorySegment.NULL, params, MemorySegment.NULL), "cuLaunchKernel");
    }

    void synchronize() {
        check(call(ctxSynchronize), "cuCtxSynchronize (a kernel failed)");
    }

    void check(int result, String what) {
        if (result != 0) throw new GpuFailureException("CUDA: " + what + " failed: " + errorName(result));
    }

    private String errorName(int result) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(PTR);
            if (call(getErrorName, result, s) != 0) return "error " + result;
            return s.get(PTR, 0).reinterpret(256).getString(0) + " (" + result + ")";
        }
    }
}
