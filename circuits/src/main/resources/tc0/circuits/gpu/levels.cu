// tc0's GPU kernels: a threshold circuit's levels on batches of bit-packed patterns (64 per word).
// The arrays are KernelArrays (tc0.circuits.gpu); KernelSimulator is this file in Java, loop for loop:
// change both together. Compiled at run time by NVRTC, PTX cached per source and architecture. It includes
// no header and names no library function or type (size_t, min) that NVRTC might not predefine.

typedef unsigned long long u64;
typedef long long i64;

#define MAX_WIDTH 62

__device__ __forceinline__ u64 load(const u64* values, int operand, int w, int stride) {
    return values[(u64)(operand >> 1) * stride + w] ^ (0ULL - (u64)(operand & 1));
}

// Adds plane y at column q of a carry-save counter; returns the new set of columns with a pending plane.
__device__ __forceinline__ u64 add(u64 pending, int q, int width, u64 y, u64* counter, u64* pend) {
    for (; q < width; q++) {  // the sum fits the width: nothing carries out of it
        if (((pending >> q) & 1ULL) == 0) {
            pend[q] = y;
            return pending | (1ULL << q);
        }
        u64 s = counter[q], p = pend[q], x = s ^ p;
        counter[q] = x ^ y;
        y = (s & p) | (x & y);
        pending &= ~(1ULL << q);
    }
    return pending;
}

// The weighted sum of the operands, one plane per bit of the sum, into counter[0 .. width).
__device__ void count(const int* operand, const i64* weight, int f0, int f1, int width, int w, int stride,
                      const u64* values, u64* counter, u64* pend) {
    for (int q = 0; q < width; q++) counter[q] = 0;
    u64 pending = 0;
    for (int e = f0; e < f1; e++) {
        u64 x = load(values, operand[e], w, stride);
        for (u64 wt = (u64)weight[e]; wt != 0; wt &= wt - 1) pending = add(pending, __ffsll((i64)wt) - 1, width, x, counter, pend);
    }
    for (int q = 0; q < width; q++) {
        if (((pending >> q) & 1ULL) == 0) continue;
        pending &= ~(1ULL << q);
        u64 s = counter[q], p = pend[q];
        counter[q] = s ^ p;
        pending = add(pending, q + 1, width, s & p, counter, pend);
    }
}

// The 64 comparisons counter >= t, from the top plane down.
__device__ __forceinline__ u64 atLeast(const u64* counter, int width, i64 t) {
    u64 greater = 0, equal = ~0ULL;
    for (int q = width - 1; q >= 0; q--) {
        u64 s = counter[q];
        if ((((u64)t >> q) & 1ULL) != 0) {
            equal &= s;
        } else {
            greater |= equal & s;
            equal &= ~s;
        }
    }
    return greater | equal;
}

// One pattern at a time, exact: a 128-bit sum (hi, lo) of long weights.
__device__ u64 lanes(const int* operand, const i64* weight, int f0, int f1, i64 t, int w, int stride, const u64* values) {
    i64 tHi = t >> 63;
    u64 word = 0;
    for (int lane = 0; lane < 64; lane++) {
        i64 hi = 0;
        u64 lo = 0;
        for (int e = f0; e < f1; e++) {
            if (((load(values, operand[e], w, stride) >> lane) & 1ULL) != 0) {
                i64 wt = weight[e];
                u64 sum = lo + (u64)wt;
                hi += (wt >> 63) + (sum < lo ? 1 : 0);
                lo = sum;
            }
        }
        bool ge = hi != tHi ? hi > tHi : lo >= (u64)t;
        if (ge) word |= 1ULL << lane;
    }
    return word;
}

// Levels firstLevel .. endLevel - 1 of one batch. Block (x, y) owns words x * tile ..; its threads share out
// a level's (operation, word) items, word fastest; with gridDim.y > 1 (one level) the items are shared out
// over the y blocks too. Patterns are independent, so a barrier per level inside the block is all it needs.
// Blocks of up to 1024 threads (LaunchPlan.DEFAULT): the bound keeps registers within what that many need.
extern "C" __global__ void __launch_bounds__(1024) tc0_levels(const int* levelStart, const int* opKind, const int* opWidth,
                                      const int* opFanin, const int* opOut, const int* operand, const i64* weight,
                                      const int* outSlot, const i64* threshold, u64* values,
                                      int stride, int words, int firstLevel, int endLevel, int tile) {
    u64 counter[MAX_WIDTH], pend[MAX_WIDTH];
    int w0 = blockIdx.x * tile;
    int tileWords = tile < words - w0 ? tile : words - w0;
    for (int lv = firstLevel; lv < endLevel; lv++) {
        int o0 = levelStart[lv];
        i64 items = (i64)(levelStart[lv + 1] - o0) * tileWords;
        for (i64 it = (i64)blockIdx.y * blockDim.x + threadIdx.x; it < items; it += (i64)gridDim.y * blockDim.x) {
            int op = o0 + (int)(it / tileWords);
            int w = w0 + (int)(it % tileWords);
            int f0 = opFanin[op], f1 = opFanin[op + 1], r0 = opOut[op], r1 = opOut[op + 1];
            int kind = opKind[op];
            if (kind == 0) {  // AND
                u64 acc = ~0ULL;
                for (int e = f0; e < f1; e++) acc &= load(values, operand[e], w, stride);
                values[(u64)outSlot[r0] * stride + w] = acc;
            } else if (kind == 1) {  // SLICED: a bank of comparators on one counter
                int width = opWidth[op];
                count(operand, weight, f0, f1, width, w, stride, values, counter, pend);
                for (int r = r0; r < r1; r++) values[(u64)outSlot[r] * stride + w] = atLeast(counter, width, threshold[r]);
            } else {  // LANES
                values[(u64)outSlot[r0] * stride + w] = lanes(operand, weight, f0, f1, threshold[r0], w, stride, values);
            }
        }
        __syncthreads();
    }
}

// Output o, word w: the operand's slot, complemented where it says, into out[o * words + w].
extern "C" __global__ void tc0_gather(const int* outputs, const u64* values, u64* out, int stride, int words, int count) {
    i64 i = (i64)blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= (i64)count * words) return;
    int o = (int)(i / words), w = (int)(i % words);
    out[(u64)o * words + w] = load(values, outputs[o], w, stride);
}
