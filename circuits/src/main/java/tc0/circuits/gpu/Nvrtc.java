package tc0.circuits.gpu;

import static tc0.circuits.gpu.Native.INT;
import static tc0.circuits.gpu.Native.PTR;
import static tc0.circuits.gpu.Native.call;
import static tc0.circuits.gpu.Native.intFunction;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * NVRTC, CUDA's run-time compiler (libnvrtc.so.*), through the foreign-function API: CUDA C++ source to PTX
 * for one GPU architecture. Its file name carries CUDA's major version and it often sits outside the
 * loader's path, so it is looked for by name and then in the usual CUDA folders.
 */
final class Nvrtc {
    private final MethodHandle create, compile, ptxSize, ptx, logSize, log, destroy, errorString;

    private Nvrtc(SymbolLookup lib) {
        create = intFunction(lib, "nvrtcCreateProgram", PTR, PTR, PTR, INT, PTR, PTR);
        compile = intFunction(lib, "nvrtcCompileProgram", PTR, INT, PTR);
        ptxSize = intFunction(lib, "nvrtcGetPTXSize", PTR, PTR);
        ptx = intFunction(lib, "nvrtcGetPTX", PTR, PTR);
        logSize = intFunction(lib, "nvrtcGetProgramLogSize", PTR, PTR);
        log = intFunction(lib, "nvrtcGetProgramLog", PTR, PTR);
        destroy = intFunction(lib, "nvrtcDestroyProgram", PTR);
        errorString = Native.function(lib, "nvrtcGetErrorString", FunctionDescriptor.of(PTR, INT));
    }

    /** NVRTC from the first library that loads; a {@link GpuUnavailableException} naming where it looked. */
    static Nvrtc open() {
        return open(candidates());
    }

    /** NVRTC from the first of {@code tried} (names or paths) that loads. */
    static Nvrtc open(List<String> tried) {
        for (String c : tried) {
            if (c.contains("/")) builtinsBeside(Path.of(c));
            Optional<SymbolLookup> lib = Native.library(c);
            if (lib.isPresent()) return new Nvrtc(lib.get());
        }
        throw new GpuUnavailableException("no NVRTC (CUDA's run-time compiler) to compile the GPU kernel: none of "
                + String.join(", ", tried) + " loads; set TC0_NVRTC to its path");
    }

    /**
     * TC0_NVRTC, then the loader's names, then libnvrtc.so.* files in CUDA_HOME, LD_LIBRARY_PATH, the usual
     * CUDA folders and the nvidia wheels of a Python environment (where PyTorch's CUDA keeps it).
     */
    static List<String> candidates() {
        List<String> out = new ArrayList<>();
        String explicit = System.getenv("TC0_NVRTC");
        if (explicit != null && !explicit.isBlank()) out.add(explicit);
        out.addAll(List.of("libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12"));
        List<Path> dirs = new ArrayList<>();
        String home = System.getenv("CUDA_HOME");
        if (home != null && !home.isBlank()) dirs.add(Path.of(home, "lib64"));
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) for (String d : ld.split(":")) if (!d.isBlank()) dirs.add(Path.of(d));
        dirs.add(Path.of("/usr/local/cuda/lib64"));
        dirs.add(Path.of("/usr/local/cuda/targets/x86_64-linux/lib"));
        dirs.add(Path.of("/usr/lib/x86_64-linux-gnu"));
        for (String venv : new String[] {"/opt/torch/.venv/lib", "/usr/local/lib", "/usr/lib"}) {
            for (Path python : list(Path.of(venv), "python3*")) {
                for (String site : new String[] {"site-packages", "dist-packages"}) {
                    for (Path pkg : list(python.resolve(site).resolve("nvidia"), "*")) dirs.add(pkg.resolve("lib"));
                }
            }
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> files = Files.list(d)) {
                files.map(Path::toString).filter(f -> f.matches(".*/libnvrtc\\.so(\\.[0-9.]+)?")).sorted().forEach(out::add);
            } catch (IOException unreadable) {
                // a folder we cannot list holds nothing we can load
            }
        }
        return out;
    }

    /**
     * Loads libnvrtc-builtins.so.* from the folder of {@code nvrtc}: NVRTC opens it by name when it compiles,
     * which finds it only on the loader's path unless a library of that name is loaded already (NVRTC_ERROR_
     * BUILTIN_OPERATION_FAILURE otherwise, as with the nvidia-cuda-nvrtc wheel).
     */
    private static void builtinsBeside(Path nvrtc) {
        Path dir = nvrtc.toAbsolutePath().getParent();
        if (dir == null) return;
        for (Path b : list(dir, "libnvrtc-builtins.so*")) {
            if (!b.getFileName().toString().contains(".alt.")) Native.library(b.toString());
        }
    }

    private static List<Path> list(Path dir, String glob) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(out::add);
        } catch (IOException unreadable) {
            // nothing to find there
        }
        return out;
    }

    /** PTX of {@code source} for {@code arch} ("sm_90"); a compile error carries NVRTC's log. */
    byte[] compile(String source, String arch) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment prog = a.allocate(PTR);
            check(call(create, prog, a.allocateFrom(source), a.allocateFrom("levels.cu"), 0, MemorySegment.NULL, MemorySegment.NULL), "nvrtcCreateProgram");
            MemorySegment p = prog.get(PTR, 0);
            try {
                String[] options = {"--gpu-architecture=" + arch.replace("sm_", "compute_"), "-std=c++17"};
                MemorySegment opts = a.allocate(PTR, options.length);
                for (int i = 0; i < options.length; i++) opts.setAtIndex(PTR, i, a.allocateFrom(options[i]));
                int r = call(compile, p, options.length, opts);
                if (r != 0) throw new GpuFailureException("NVRTC could not compile the kernel for " + arch + ": " + message(r) + "\n" + log(a, p));
                MemorySegment size = a.allocate(ValueLayout.JAVA_LONG);
                check(call(ptxSize, p, size), "nvrtcGetPTXSize");
                MemorySegment text = a.allocate(size.get(ValueLayout.JAVA_LONG, 0));
                check(call(ptx, p, text), "nvrtcGetPTX");
                return text.toArray(ValueLayout.JAVA_BYTE);
            } finally {
                call(destroy, prog);
            }
        }
    }

    private String log(Arena a, MemorySegment p) {
        MemorySegment size = a.allocate(ValueLayout.JAVA_LONG);
        if (call(logSize, p, size) != 0) return "(no log)";
        MemorySegment text = a.allocate(Math.max(1, size.get(ValueLayout.JAVA_LONG, 0)));
        if (call(log, p, text) != 0) return "(no log)";
        return text.getString(0);
    }

    private void check(int r, String what) {
        if (r != 0) throw new GpuFailureException("NVRTC: " + what + " failed: " + message(r));
    }

    private String message(int r) {
        try {
            MemorySegment s = (MemorySegment) errorString.invokeExact(r);
            return s.reinterpret(256).getString(0) + " (" + r + ")";
        } catch (Throwable t) {
            return "error " + r;
        }
    }
}
