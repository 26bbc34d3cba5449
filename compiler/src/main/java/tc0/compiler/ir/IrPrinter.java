package tc0.compiler.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The IR as text, one node a line: {@code %12 = matmul %9, const %3 : [8, 4] fixed(8, 7) @ l[0]/attention/matmul}.
 * Constant operands are marked {@code const}, so "variable @ constant" products are visible. Stable: the
 * same program prints the same text (constants by name and a hash of their codes).
 */
public final class IrPrinter {
    private IrPrinter() {}

    public static String print(TensorProgram p) {
        StringBuilder sb = new StringBuilder();
        sb.append("model ").append(p.model()).append(' ').append(p.parameters()).append(" precision ")
                .append(p.floats().<Object>map(f -> new Elem.Float(f)).orElse(p.precision())).append('\n');
        for (Node n : p.nodes()) {
            sb.append(line(p, n)).append('\n');
        }
        for (TensorProgram.Port o : p.outputs()) {
            sb.append("output ").append(o.name()).append(" = %").append(o.node()).append('\n');
        }
        return sb.toString();
    }

    /** One node's line. */
    public static String line(TensorProgram p, Node n) {
        return "%" + n.id() + " = " + n.op().label() + detail(n.op()) + operands(p, n.op().operands()) + " : "
                + Shapes.show(n.shape()) + " " + n.elem() + " @ " + n.region();
    }

    private static String operands(TensorProgram p, List<Integer> ops) {
        if (ops.isEmpty()) return "";
        return " " + ops.stream().map(o -> (p.isConstant(o) ? "const %" : "%") + o).collect(Collectors.joining(", "));
    }

    private static String detail(Op op) {
        return switch (op) {
            case Op.Input i -> " " + i.name();
            case Op.Constant c -> " " + c.name() + " #" + Integer.toHexString(java.util.Arrays.hashCode(c.codes()));
            case Op.Fill f -> " " + f.code();
            case Op.MatMul m -> "";
            case Op.Elementwise e -> "";
            case Op.Broadcast b -> "";
            case Op.ScaleByConstant s -> " " + s.coefficient() + "/2^" + s.coefficientFormat().fracBits();
            case Op.Unary u -> "";
            case Op.Reduce r -> " axis " + r.axis();
            case Op.Softmax s -> " axis " + s.axis() + " exp " + s.expFormat();
            case Op.MaskedSoftmax s -> " axis " + s.axis() + " exp " + s.expFormat() + " mask %" + s.mask();
            case Op.MaskedMean m -> " axis " + m.axis() + " mask %" + m.mask();
            case Op.Select s -> "";
            case Op.LayerNorm l -> " eps " + l.eps() + " scale " + l.scaleFormat();
            case Op.Rope r -> " base " + r.base() + " coeff " + r.coefficientFormat();
            case Op.ScanExp s -> " exp " + s.expFormat();
            case Op.Kron k -> "";
            case Op.Upsample u -> " " + u.mode().name().toLowerCase();
            case Op.Downsample d -> " " + d.mode().name().toLowerCase();
            case Op.Concat c -> " axis " + c.axis();
            case Op.Slice s -> " from " + s.start();
            case Op.Reshape r -> "";
            case Op.Transpose t -> "";
        };
    }
}
