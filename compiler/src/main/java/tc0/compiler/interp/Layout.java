package tc0.compiler.interp;

import java.util.List;
import tc0.compiler.ir.Node;
import tc0.compiler.ir.Op;
import tc0.compiler.ir.Shapes;
import tc0.compiler.ir.TensorProgram;

/**
 * Index arithmetic shared by the interpreters and the lowering: wiring ops as gathers, lines along an axis,
 * interpolation taps. One definition, so the circuit and the reference move elements the same way.
 */
public final class Layout {
    private Layout() {}

    /**
     * For a wiring op (broadcast, reshape, transpose, slice, concat), the source of each output element: an
     * index into the first operand, or for concat {@code -(i + 1)} for index i of the second.
     */
    public static int[] gather(TensorProgram p, Node n) {
        int size = Math.toIntExact(n.size());
        int[] g = new int[size];
        List<Long> out = n.shape();
        Op op = n.op();
        Node src = p.node(op.operands().getFirst());
        List<Long> in = src.shape();
        for (int f = 0; f < size; f++) {
            long[] ix = Shapes.unflatten(f, out);
            g[f] = switch (op) {
                case Op.Reshape r -> f;
                case Op.Broadcast b -> {
                    for (int a = 0; a < ix.length; a++) if (in.get(a) == 1) ix[a] = 0;
                    yield (int) Shapes.flatten(ix, in);
                }
                case Op.Transpose t -> (int) Shapes.flatten(new long[] {ix[1], ix[0]}, in);
                case Op.Slice s -> {
                    for (int a = 0; a < ix.length; a++) ix[a] += s.start().get(a);
                    yield (int) Shapes.flatten(ix, in);
                }
                case Op.Concat c -> {
                    long left = in.get(c.axis());
                    if (ix[c.axis()] < left) yield (int) Shapes.flatten(ix, in);
                    ix[c.axis()] -= left;
                    yield -(int) Shapes.flatten(ix, p.node(c.right()).shape()) - 1;
                }
                default -> throw new IllegalArgumentException("not a wiring op: " + op);
            };
        }
        return g;
    }

    /** Whether {@code op} only moves elements (no arithmetic, no rounding). */
    static boolean isWiring(Op op) {
        return op instanceof Op.Reshape || op instanceof Op.Broadcast || op instanceof Op.Transpose
                || op instanceof Op.Slice || op instanceof Op.Concat;
    }

    /** The flat indices of every line along {@code axis}: {@code lines[l][i]}. */
    public static int[][] lines(List<Long> shape, int axis) {
        long[] st = Shapes.strides(shape);
        int len = Math.toIntExact(shape.get(axis));
        int total = Math.toIntExact(Shapes.size(shape));
        int count = total / len;
        int[][] lines = new int[count][len];
        int stride = (int) st[axis];
        int l = 0;
        for (int f = 0; f < total; f++) {
            if ((f / stride) % len != 0) continue;
            for (int i = 0; i < len; i++) lines[l][i] = f + i * stride;
            l++;
        }
        return lines;
    }

    /** Interpolation taps of output index {@code i}: source indices, integer weights, common denominator. */
    public record Taps(int[] index, long[] weight, long denominator) {}

    /**
     * Nearest: source {@code floor(i src / dst)}. Bilinear (half-pixel centres, no antialiasing): source
     * coordinate {@code x = ((2i + 1) src - dst) / (2 dst)} clamped to {@code [0, src - 1]}, the two
     * neighbours weighted by {@code 1 - frac(x)} and {@code frac(x)} (exact rationals of denominator 2 dst).
     */
    public static Taps taps(long src, long dst, Op.Interpolation mode, long i) {
        return switch (mode) {
            case NEAREST -> new Taps(new int[] {(int) (i * src / dst)}, new long[] {1}, 1);
            case BILINEAR -> {
                long num = (2 * i + 1) * src - dst, den = 2 * dst;
                if (num <= 0) yield new Taps(new int[] {0}, new long[] {1}, 1);
                long x0 = num / den, frac = num - x0 * den;
                if (x0 >= src - 1) yield new Taps(new int[] {(int) src - 1}, new long[] {1}, 1);
                if (frac == 0) yield new Taps(new int[] {(int) x0}, new long[] {1}, 1);
                yield new Taps(new int[] {(int) x0, (int) x0 + 1}, new long[] {den - frac, frac}, den);
            }
        };
    }

    /** For each output element of a resampling node: source flat indices, weights, and denominator. */
    public record Stencil(int[] index, long[] weight, long denominator) {}

    /** The stencil of every output element of resampling node {@code out} (operand {@code in}), row-major. */
    public static Stencil[] stencils(Node out, Node in, Op.Interpolation mode) {
        List<Long> os = out.shape(), is = in.shape();
        long ch = os.size() == 3 ? os.get(2) : 1;
        Stencil[] st = new Stencil[Math.toIntExact(out.size())];
        int f = 0;
        for (long y = 0; y < os.get(0); y++) {
            Taps ty = taps(is.get(0), os.get(0), mode, y);
            for (long x = 0; x < os.get(1); x++) {
                Taps tx = taps(is.get(1), os.get(1), mode, x);
                for (long c = 0; c < ch; c++) {
                    int k = ty.index().length * tx.index().length;
                    int[] idx = new int[k];
                    long[] w = new long[k];
                    int t = 0;
                    for (int a = 0; a < ty.index().length; a++) {
                        for (int b = 0; b < tx.index().length; b++) {
                            idx[t] = (int) ((ty.index()[a] * is.get(1) + tx.index()[b]) * ch + c);
                            w[t++] = ty.weight()[a] * tx.weight()[b];
                        }
                    }
                    st[f++] = new Stencil(idx, w, ty.denominator() * tx.denominator());
                }
            }
        }
        return st;
    }
}
