// A stand-in for libcuda.so.1 and libnvrtc.so on a machine without a GPU, for FakeCudaTest: the driver calls
// tc0 makes, on host memory, and cuLaunchKernel running levels.cu itself, compiled here as C++, one host thread
// per CUDA thread of a block (__syncthreads is a barrier across them) and the blocks one after the other. It
// tests tc0's hand-written downcalls, its kernel arguments and the CUDA source's own logic; not NVRTC's
// compiler, the PTX or a device.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <string>
#include <vector>

struct dim3 { unsigned x = 1, y = 1, z = 1; };
static thread_local dim3 threadIdx, blockIdx;
static dim3 blockDim, gridDim;
static pthread_barrier_t barrier;
#define __global__
#define __device__
#define __forceinline__ inline
#define __launch_bounds__(threads)
static inline void __syncthreads() { pthread_barrier_wait(&barrier); }
static inline int __ffsll(long long x) { return __builtin_ffsll(x); }
#include "levels.cu"

typedef int CUresult;
static const CUresult OK = 0, INVALID_VALUE = 1, NOT_FOUND = 500;
static long launches = 0;
static std::string failing; // a function that answers error 999, for tests of tc0's failure paths
#define FAIL_IF_ASKED if (failing == __func__) return 999

extern "C" {
CUresult cuInit(unsigned flags) { return flags == 0 ? OK : INVALID_VALUE; }
CUresult cuGetErrorName(CUresult e, const char** s) { *s = e == NOT_FOUND ? "CUDA_ERROR_NOT_FOUND" : "CUDA_ERROR_FAKE"; return OK; }
CUresult cuDeviceGetCount(int* n) { *n = 1; return OK; }
CUresult cuDeviceGet(int* d, int ordinal) { *d = 0; return ordinal == 0 ? OK : INVALID_VALUE; }
CUresult cuDeviceGetName(char* s, int len, int) { strncpy(s, "fake CUDA device (host threads)", len); return OK; }
CUresult cuDeviceGetAttribute(int* v, int attribute, int) {
    *v = attribute == 75 ? 9 : attribute == 76 ? 0 : attribute == 16 ? 2 : -1;
    return *v < 0 ? INVALID_VALUE : OK;
}
CUresult cuDevicePrimaryCtxRetain(void** c, int) { FAIL_IF_ASKED; *c = (void*)0x1; return OK; }
CUresult cuCtxSetCurrent(void* c) { return c == (void*)0x1 ? OK : INVALID_VALUE; }
CUresult cuModuleLoadData(void** m, const void* image) { *m = (void*)0x2; return image ? OK : INVALID_VALUE; }
CUresult cuModuleGetFunction(void** f, void* m, const char* name) {
    if (m != (void*)0x2) return INVALID_VALUE;
    if (!strcmp(name, "tc0_levels")) *f = (void*)0x10;
    else if (!strcmp(name, "tc0_gather")) *f = (void*)0x20;
    else return NOT_FOUND;
    return OK;
}
CUresult cuMemAlloc_v2(uint64_t* p, size_t n) { *p = (uint64_t)malloc(n); return *p ? OK : 2; }
CUresult cuMemFree_v2(uint64_t p) { free((void*)p); return OK; }
CUresult cuMemcpyHtoD_v2(uint64_t dst, const void* src, size_t n) { memcpy((void*)dst, src, n); return OK; }
CUresult cuMemcpyDtoH_v2(void* dst, uint64_t src, size_t n) { memcpy(dst, (void*)src, n); return OK; }
CUresult cuMemcpyDtoD_v2(uint64_t dst, uint64_t src, size_t n) { memcpy((void*)dst, (void*)src, n); return OK; }
// little free memory, so that tc0 splits its patterns into batches (the last one short)
CUresult cuMemGetInfo_v2(size_t* free, size_t* total) { *free = 48 << 10; *total = 1 << 20; return OK; }
CUresult cuCtxSynchronize() { return OK; }
long fakeLaunches() { return launches; }
void fakeFail(const char* function) { failing = function; }
}

struct Launch { void* f; void** p; unsigned thread; };

template <typename T> static T arg(void** p, int i) { return *(T*)p[i]; }

static void* runThread(void* a) {
    Launch* l = (Launch*)a;
    threadIdx.x = l->thread;
    for (unsigned by = 0; by < gridDim.y; by++) {
        for (unsigned bx = 0; bx < gridDim.x; bx++) {
            blockIdx.x = bx;
            blockIdx.y = by;
            void** p = l->p;
            if (l->f == (void*)0x10) {
                tc0_levels(arg<const int*>(p, 0), arg<const int*>(p, 1), arg<const int*>(p, 2), arg<const int*>(p, 3),
                           arg<const int*>(p, 4), arg<const int*>(p, 5), arg<const i64*>(p, 6), arg<const int*>(p, 7),
                           arg<const i64*>(p, 8), arg<u64*>(p, 9), arg<int>(p, 10), arg<int>(p, 11), arg<int>(p, 12),
                           arg<int>(p, 13), arg<int>(p, 14));
            } else {
                tc0_gather(arg<const int*>(p, 0), arg<const u64*>(p, 1), arg<u64*>(p, 2), arg<int>(p, 3), arg<int>(p, 4), arg<int>(p, 5));
            }
            pthread_barrier_wait(&barrier); // the next block starts when every thread is done with this one
        }
    }
    return nullptr;
}

extern "C" CUresult cuLaunchKernel(void* f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                                   unsigned shared, void* stream, void** params, void** extra) {
    FAIL_IF_ASKED;
    if ((f != (void*)0x10 && f != (void*)0x20) || gz != 1 || by != 1 || bz != 1 || shared != 0 || stream || extra) return INVALID_VALUE;
    if (gx < 1 || gy < 1 || gy > 65535 || bx < 1 || bx > 1024) return INVALID_VALUE;
    launches++;
    gridDim = {gx, gy, 1};
    blockDim = {bx, 1, 1};
    pthread_barrier_init(&barrier, nullptr, bx);
    std::vector<pthread_t> threads(bx);
    std::vector<Launch> ls(bx);
    for (unsigned t = 0; t < bx; t++) {
        ls[t] = {f, params, t};
        pthread_create(&threads[t], nullptr, runThread, &ls[t]);
    }
    for (unsigned t = 0; t < bx; t++) pthread_join(threads[t], nullptr);
    pthread_barrier_destroy(&barrier);
    return OK;
}

// NVRTC: takes the source and the options, returns a fixed "PTX" naming the architecture.
struct Program { std::string source, ptx, log; };
extern "C" {
int nvrtcCreateProgram(void** prog, const char* src, const char* name, int headers, const char* const*, const char* const*) {
    if (!src || !name || headers != 0) return 3;
    *prog = new Program{src, "", ""};
    return 0;
}
int nvrtcCompileProgram(void* prog, int n, const char* const* options) {
    Program* p = (Program*)prog;
    std::string arch;
    for (int i = 0; i < n; i++) if (!strncmp(options[i], "--gpu-architecture=", 19)) arch = options[i] + 19;
    if (p->source.find("tc0_levels") == std::string::npos) { p->log = "levels.cu(1): error: no kernel"; return 6; }
    p->ptx = "// fake PTX for " + arch + "\n";
    return 0;
}
int nvrtcGetPTXSize(void* prog, size_t* n) { *n = ((Program*)prog)->ptx.size() + 1; return 0; }
int nvrtcGetPTX(void* prog, char* out) { memcpy(out, ((Program*)prog)->ptx.c_str(), ((Program*)prog)->ptx.size() + 1); return 0; }
int nvrtcGetProgramLogSize(void* prog, size_t* n) { *n = ((Program*)prog)->log.size() + 1; return 0; }
int nvrtcGetProgramLog(void* prog, char* out) { memcpy(out, ((Program*)prog)->log.c_str(), ((Program*)prog)->log.size() + 1); return 0; }
int nvrtcDestroyProgram(void** prog) { delete (Program*)*prog; *prog = nullptr; return 0; }
const char* nvrtcGetErrorString(int r) { return r == 6 ? "NVRTC_ERROR_COMPILATION" : "NVRTC_ERROR_FAKE"; }
}
