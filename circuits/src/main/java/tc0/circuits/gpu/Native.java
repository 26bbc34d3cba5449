package tc0.circuits.gpu;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

/** Shared pieces of the hand-written downcalls: layouts, lookup of a library, a handle per C function. */
final class Native {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final java.lang.foreign.AddressLayout PTR = ValueLayout.ADDRESS;

    private Native() {}

    /** The library by file name (the loader's search) or by path, or empty when it cannot be loaded. */
    static Optional<SymbolLookup> library(String nameOrPath) {
        try {
            return Optional.of(nameOrPath.contains("/")
                    ? SymbolLookup.libraryLookup(Path.of(nameOrPath), java.lang.foreign.Arena.global())
                    : SymbolLookup.libraryLookup(nameOrPath, java.lang.foreign.Arena.global()));
        } catch (IllegalArgumentException | IllegalCallerException notThere) {
            return Optional.empty();
        }
    }

    /** A downcall handle for {@code name}, returning an int (a CUresult or nvrtcResult), with these arguments. */
    static MethodHandle intFunction(SymbolLookup lib, String name, java.lang.foreign.MemoryLayout... args) {
        return function(lib, name, FunctionDescriptor.of(INT, args));
    }

    static MethodHandle function(SymbolLookup lib, String name, FunctionDescriptor d) {
        MemorySegment symbol = lib.find(name)
                .orElseThrow(() -> new GpuUnavailableException("the CUDA library has no function " + name + " (too old a version?)"));
        return Linker.nativeLinker().downcallHandle(symbol, d);
    }

    /** Calls a handle whose C function returns a status code; any Java-side failure becomes unchecked. */
    static int call(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
