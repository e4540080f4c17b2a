package io.github.imageassert.internal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a tree of sizes as nested rectangles, squarified (Bruls, Huizing and van Wijk): each row of siblings is
 * kept while adding one more makes its worst aspect ratio no worse. A directory big enough gets a header line with
 * its name and its children inside; the rest are filled rectangles.
 */
final class Treemap {

    /** A rectangle to draw: {@code top} is the index of the top-level directory it lies in (for its colour). */
    record Rect(ReportModel.Node node, double x, double y, double w, double h, int depth, int top, boolean header) {
    }

    private static final double HEADER = 14;
    private static final double PAD = 2;

    private Treemap() {
    }

    static List<Rect> layout(ReportModel.Node root, double width, double height) {
        List<Rect> out = new ArrayList<>();
        if (root == null || root.size() <= 0) {
            return out;
        }
        List<ReportModel.Node> children = root.children() == null ? List.of(root) : root.children();
        List<Placed> placed = squarify(children, 0, 0, width, height);
        for (int i = 0; i < placed.size(); i++) {
            place(placed.get(i), 1, i, out);
        }
        return out;
    }

    private record Placed(ReportModel.Node node, double x, double y, double w, double h) {
    }

    private static void place(Placed p, int depth, int top, List<Rect> out) {
        ReportModel.Node n = p.node();
        boolean nested = n.children() != null && p.w() > 40 && p.h() > HEADER + 16;
        out.add(new Rect(n, p.x(), p.y(), p.w(), p.h(), depth, top, nested));
        if (nested) {
            for (Placed c : squarify(n.children(), p.x() + PAD, p.y() + HEADER, p.w() - 2 * PAD, p.h() - HEADER - PAD)) {
                place(c, depth + 1, top, out);
            }
        }
    }

    private static List<Placed> squarify(List<ReportModel.Node> nodes, double x, double y, double w, double h) {
        List<Placed> out = new ArrayList<>();
        List<ReportModel.Node> items = nodes.stream().filter(n -> n.size() > 0)
                .sorted((a, b) -> Long.compare(b.size(), a.size())).toList();
        double total = items.stream().mapToDouble(ReportModel.Node::size).sum();
        if (total <= 0 || w <= 0 || h <= 0) {
            return out;
        }
        double scale = w * h / total;
        int i = 0;
        while (i < items.size()) {
            double side = Math.min(w, h);
            List<ReportModel.Node> row = new ArrayList<>();
            double rowArea = 0;
            double worst = Double.MAX_VALUE;
            while (i < items.size()) {
                double area = items.get(i).size() * scale;
                List<ReportModel.Node> candidate = new ArrayList<>(row);
                candidate.add(items.get(i));
                double next = worst(candidate, rowArea + area, side, scale);
                if (!row.isEmpty() && next > worst) {
                    break;
                }
                row = candidate;
                rowArea += area;
                worst = next;
                i++;
            }
            if (w >= h) {
                double cw = rowArea / h;
                double cy = y;
                for (ReportModel.Node n : row) {
                    double ch = n.size() * scale / cw;
                    out.add(new Placed(n, x, cy, cw, ch));
                    cy += ch;
                }
                x += cw;
                w -= cw;
            } else {
                double rh = rowArea / w;
                double cx = x;
                for (ReportModel.Node n : row) {
                    double cw = n.size() * scale / rh;
                    out.add(new Placed(n, cx, y, cw, rh));
                    cx += cw;
                }
                y += rh;
                h -= rh;
            }
        }
        return out;
    }

    private static double worst(List<ReportModel.Node> row, double area, double side, double scale) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (ReportModel.Node n : row) {
            double a = n.size() * scale;
            max = Math.max(max, a);
            min = Math.min(min, a);
        }
        double s2 = side * side;
        double a2 = area * area;
        return Math.max(s2 * max / a2, a2 / (s2 * min));
    }
}
