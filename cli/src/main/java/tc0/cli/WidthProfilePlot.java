package tc0.cli;

import java.util.Locale;

/**
 * The per-level width profile (gates on each level 1..depth) as a bar chart in SVG, written directly: one
 * {@code rect} per level, axes with the largest width and the depth marked. Deterministic text.
 */
final class WidthProfilePlot {
    private static final int W = 800, H = 400, LEFT = 70, RIGHT = 20, TOP = 40, BOTTOM = 50;

    private WidthProfilePlot() {}

    /** {@code perLevel[l]} gates on level l; level 0 (constant gates) is not drawn. */
    static String svg(String title, long[] perLevel) {
        int depth = perLevel.length - 1;
        long max = 1;
        for (int l = 1; l <= depth; l++) max = Math.max(max, perLevel[l]);
        double plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        double bar = depth == 0 ? plotW : plotW / depth;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(W / 2).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">").append(escape(title)).append("</text>\n");
        for (int l = 1; l <= depth; l++) {
            double h = plotH * perLevel[l] / max;
            s.append(String.format(Locale.ROOT, "<rect class=\"level\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#4477aa\"><title>level %d: %d gates</title></rect>%n",
                    LEFT + (l - 1) * bar, TOP + plotH - h, Math.max(bar - 1, 0.5), h, l, perLevel[l]));
        }
        int x0 = LEFT, y0 = TOP + (int) plotH;
        s.append("<line x1=\"").append(x0).append("\" y1=\"").append(TOP).append("\" x2=\"").append(x0).append("\" y2=\"").append(y0).append("\" stroke=\"black\"/>\n");
        s.append("<line x1=\"").append(x0).append("\" y1=\"").append(y0).append("\" x2=\"").append(W - RIGHT).append("\" y2=\"").append(y0).append("\" stroke=\"black\"/>\n");
        s.append("<text x=\"").append(x0 - 6).append("\" y=\"").append(TOP + 4).append("\" text-anchor=\"end\">").append(max).append("</text>\n");
        s.append("<text x=\"").append(x0 - 6).append("\" y=\"").append(y0).append("\" text-anchor=\"end\">0</text>\n");
        s.append("<text x=\"").append(x0).append("\" y=\"").append(y0 + 16).append("\" text-anchor=\"middle\">1</text>\n");
        s.append("<text x=\"").append(W - RIGHT).append("\" y=\"").append(y0 + 16).append("\" text-anchor=\"middle\">").append(depth).append("</text>\n");
        s.append("<text x=\"").append(LEFT + (int) plotW / 2).append("\" y=\"").append(H - 12).append("\" text-anchor=\"middle\">level</text>\n");
        s.append("<text x=\"16\" y=\"").append(TOP + (int) plotH / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(TOP + (int) plotH / 2).append(")\">gates on the level (width)</text>\n");
        s.append("</svg>\n");
        return s.toString();
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
