package io.github.imageassert.internal.report;

import io.github.imageassert.image.DataSize;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one HTML page that works offline: its style and its few lines of script are inline, the charts are
 * SVG drawn here (no library, nothing fetched). One section per image: what it is, its size against the budgets
 * the tests set, a bar per layer (click one to list its largest files), a treemap of its biggest directories and
 * files, packages, findings, comparisons, and every assertion that ran with its outcome.
 */
public final class HtmlReport {

    static final int CHART_WIDTH = 960;
    static final int LABEL_WIDTH = 380;
    static final int BAR_AREA = 440;
    static final int ROW = 22;
    static final int TREE_HEIGHT = 420;

    private HtmlReport() {
    }

    public static String render(ReportModel.Run run) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>image-assert report</title><style>").append(STYLE).append("</style></head><body>\n");
        ReportModel.Summary s = run.summary();
        out.append("<header><h1>image-assert report</h1><p class=\"meta\">").append(esc(run.generatedAt())).append(" · ")
                .append(s.images()).append(s.images() == 1 ? " image · " : " images · ").append(s.assertions())
                .append(" assertions: <span class=\"pass\">").append(s.passed()).append(" passed</span>, <span class=\"")
                .append(s.failed() > 0 ? "fail" : "pass").append("\" id=\"failed-count\">").append(s.failed())
                .append(" failed</span> · ").append(s.findings()).append(" findings · ")
                .append("<a href=\"report.json\">JSON</a> · <a href=\"report.sarif\">SARIF</a></p>\n");
        out.append("<table class=\"overview\"><thead><tr><th>image</th><th>Dockerfile</th><th class=\"num\">size</th>")
                .append("<th class=\"num\">layers</th><th>assertions</th><th class=\"num\">findings</th></tr></thead><tbody>\n");
        for (ReportModel.Image image : run.images()) {
            out.append("<tr class=\"").append(image.failed() > 0 ? "failed" : "passed").append("\"><td><a href=\"#")
                    .append(image.id()).append("\">").append(esc(image.reference())).append("</a></td><td>")
                    .append(image.dockerfile() == null ? "" : esc(dockerfileText(image.dockerfile()))).append("</td><td class=\"num\">")
                    .append(image.size() == null ? "?" : human(image.size())).append("</td><td class=\"num\">")
                    .append(image.layers().size()).append("</td><td>").append(outcome(image.passed(), image.failed()))
                    .append("</td><td class=\"num\">").append(image.findings().size()).append("</td></tr>\n");
        }
        out.append("</tbody></table></header>\n<main>\n");
        for (ReportModel.Image image : run.images()) {
            image(out, image);
        }
        out.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return out.toString();
    }

    private static void image(StringBuilder out, ReportModel.Image image) {
        out.append("<section class=\"image ").append(image.failed() > 0 ? "failed" : "passed").append("\" id=\"")
                .append(image.id()).append("\" data-reference=\"").append(esc(image.reference())).append("\">\n<h2>")
                .append(esc(image.reference())).append(" <span class=\"badge\">").append(outcome(image.passed(), image.failed()))
                .append("</span></h2>\n<dl class=\"facts\">");
        fact(out, "described as", image.description().equals(image.reference()) ? null : image.description());
        if (image.dockerfile() != null) {
            ReportModel.Dockerfile d = image.dockerfile();
            fact(out, "Dockerfile", d.file());
            fact(out, "target", d.target() == null ? "the last stage" : d.target());
            fact(out, "stages", d.stages().isEmpty() ? null : String.join(" → ", d.stages()));
        }
        fact(out, "image id", image.imageId());
        fact(out, "platform", image.platform());
        fact(out, "size", image.size() == null ? "unknown (the tests read no layer, and the source does not say)"
                : human(image.size()) + " (" + String.format(Locale.ROOT, "%,d", image.size()) + " bytes)");
        fact(out, "compressed", image.compressedSize() == null ? null : human(image.compressedSize()));
        fact(out, "files", image.fileCount() == null ? null : String.format(Locale.ROOT, "%,d entries", image.fileCount()));
        out.append("</dl>\n");
        budgets(out, image);
        layers(out, image);
        tree(out, image);
        packages(out, image);
        findings(out, image);
        comparisons(out, image);
        assertions(out, image);
        out.append("</section>\n");
    }

    private static void fact(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>");
        }
    }

    // ---- size and budgets ----------------------------------------------------------------------------------

    private static void budgets(StringBuilder out, ReportModel.Image image) {
        List<ReportModel.Budget> imageBudgets = image.budgets().stream().filter(b -> b.layer() == null
                && !b.assertion().startsWith("hasEveryLayerAtMost")).toList();
        if (imageBudgets.isEmpty()) {
            return;
        }
        out.append("<h3>Size and budgets</h3>\n<svg class=\"budgets\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(ROW * imageBudgets.size() + 8).append("\" role=\"img\" aria-label=\"size against budgets\">");
        int y = 4;
        for (ReportModel.Budget b : imageBudgets) {
            long actual = b.actual() == null ? 0 : b.actual();
            double scale = BAR_AREA / (double) Math.max(1, Math.max(actual, b.limit()));
            out.append("<g class=\"budget ").append(b.passed() ? "pass" : "fail").append("\"><text x=\"0\" y=\"").append(y + 15)
                    .append("\">").append(esc(clip(b.assertion(), 52))).append("</text><rect x=\"").append(LABEL_WIDTH)
                    .append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(actual * scale)).append("\" height=\"14\"/>")
                    .append("<line x1=\"").append(fmt(LABEL_WIDTH + b.limit() * scale)).append("\" x2=\"")
                    .append(fmt(LABEL_WIDTH + b.limit() * scale)).append("\" y1=\"").append(y).append("\" y2=\"").append(y + ROW)
                    .append("\"/><text x=\"").append(LABEL_WIDTH + BAR_AREA + 8).append("\" y=\"").append(y + 15).append("\">")
                    .append(esc((b.actual() == null ? "?" : human(actual)) + " / " + human(b.limit())))
                    .append("</text><title>").append(esc(b.assertion() + ": " + (b.passed() ? "passed" : "failed"))).append("</title></g>");
            y += ROW;
        }
        out.append("</svg>\n");
    }

    // ---- layers --------------------------------------------------------------------------------------------

    private static void layers(StringBuilder out, ReportModel.Image image) {
        List<ReportModel.Layer> layers = image.layers();
        if (layers.isEmpty()) {
            return;
        }
        long max = layers.stream().mapToLong(l -> l.size() == null ? 0 : l.size()).max().orElse(0);
        List<ReportModel.Budget> layerBudgets = image.budgets().stream().filter(b -> b.layer() != null
                || b.assertion().startsWith("hasEveryLayerAtMost")).toList();
        for (ReportModel.Budget b : layerBudgets) {
            max = Math.max(max, b.limit());
        }
        double scale = BAR_AREA / (double) Math.max(1, max);
        out.append("<h3>Layers</h3>\n<p class=\"hint\">Click a layer to list its largest files.</p>\n")
                .append("<svg class=\"layers\" width=\"").append(CHART_WIDTH).append("\" height=\"").append(ROW * layers.size() + 4)
                .append("\" role=\"list\" aria-label=\"layers\">");
        int y = 0;
        for (ReportModel.Layer l : layers) {
            String label = "#" + l.index() + " " + l.instruction();
            String where = l.location() == null ? "" : " · " + (l.location().baseImage() ? "base image, " : "")
                    + fileName(l.location().file()) + ":" + l.location().line();
            out.append("<g class=\"layer\" data-layer=\"").append(l.index()).append("\" tabindex=\"0\" role=\"listitem\">")
                    .append("<title>").append(esc(label + (l.location() == null ? "" : " (" + l.location() + ")") + " — " + (l.size() == null ? "size unknown" : human(l.size()))))
                    .append("</title><rect class=\"row\" x=\"0\" y=\"").append(y).append("\" width=\"").append(CHART_WIDTH)
                    .append("\" height=\"").append(ROW).append("\"/><text x=\"4\" y=\"").append(y + 15).append("\">")
                    .append(esc(clip(label, 58 - where.length()))).append("<tspan class=\"where\">")
                    .append(esc(where)).append("</tspan></text>");
            if (l.size() != null) {
                out.append("<rect class=\"layer-bar\" data-layer=\"").append(l.index()).append("\" data-size=\"").append(l.size())
                        .append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(fmt(l.size() * scale)).append("\" height=\"").append(ROW - 8).append("\"/>")
                        .append("<text class=\"value\" x=\"").append(LABEL_WIDTH + BAR_AREA + 8).append("\" y=\"").append(y + 15)
                        .append("\">").append(human(l.size())).append("</text>");
            }
            for (ReportModel.Budget b : layerBudgets) {
                if (b.layer() == null || b.layer() == l.index()) {
                    double x = LABEL_WIDTH + b.limit() * scale;
                    out.append("<line class=\"limit ").append(b.passed() ? "pass" : "fail").append("\" x1=\"").append(fmt(x))
                            .append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(y + 1).append("\" y2=\"").append(y + ROW - 1)
                            .append("\"><title>").append(esc(b.assertion())).append("</title></line>");
                }
            }
            out.append("</g>");
            y += ROW;
        }
        out.append("</svg>\n");
        for (ReportModel.Layer l : layers) {
            out.append("<div class=\"layer-files\" data-layer=\"").append(l.index()).append("\" hidden>\n<h4>Layer ")
                    .append(l.index()).append(": ").append(esc(clip(l.instruction(), 200))).append("</h4>");
            if (l.location() != null) {
                out.append("<p>").append(l.location().baseImage() ? "From the base image of " : "Made by ")
                        .append("<code>").append(esc(l.location().toString())).append("</code>, stage ")
                        .append(esc(l.location().stage())).append(": <code>").append(esc(clip(l.location().instruction(), 200)))
                        .append("</code></p>");
            }
            if (l.topFiles() == null) {
                out.append("<p class=\"note\">The tests did not read this image's layers, so its files are not listed.</p>");
            } else if (l.files() == 0) {
                out.append("<p class=\"note\">This layer holds no regular file.</p>");
            } else {
                out.append("<p>").append(String.format(Locale.ROOT, "%,d", l.files())).append(l.files() == 1 ? " file, " : " files, ")
                        .append(human(l.filesBytes())).append(l.truncated() ? "; the " + l.topFiles().size() + " largest:" : ":")
                        .append("</p>");
                fileTable(out, l.topFiles(), false);
                if (l.truncated()) {
                    long shown = l.topFiles().stream().mapToLong(ReportModel.File::size).sum();
                    out.append("<p class=\"note truncated\">… and ").append(String.format(Locale.ROOT, "%,d", l.files() - l.topFiles().size()))
                            .append(" more files (").append(human(l.filesBytes() - shown)).append(") not listed.</p>");
                }
            }
            out.append("</div>\n");
        }
    }

    private static void fileTable(StringBuilder out, List<ReportModel.File> files, boolean withLayer) {
        out.append("<table class=\"files\"><thead><tr><th>path</th><th class=\"num\">size</th>")
                .append(withLayer ? "<th class=\"num\">layer</th>" : "").append("</tr></thead><tbody>");
        for (ReportModel.File f : files) {
            out.append("<tr").append(f.hidden() ? " class=\"hidden-copy\"" : "").append("><td><code>").append(esc(f.path()))
                    .append("</code>").append(f.hidden() ? " <em>(hidden by a later layer; still shipped)</em>" : "")
                    .append("</td><td class=\"num\">").append(human(f.size())).append("</td>")
                    .append(withLayer ? "<td class=\"num\">" + f.layer() + "</td>" : "").append("</tr>");
        }
        out.append("</tbody></table>\n");
    }

    // ---- the treemap ---------------------------------------------------------------------------------------

    private static void tree(StringBuilder out, ReportModel.Image image) {
        out.append("<h3>Largest directories and files</h3>\n");
        if (!image.filesystemRead()) {
            out.append("<p class=\"note\">The tests asked nothing about this image's files, so they were not read for the report.</p>\n");
            return;
        }
        out.append("<svg class=\"treemap\" width=\"").append(CHART_WIDTH).append("\" height=\"").append(TREE_HEIGHT)
                .append("\" role=\"img\" aria-label=\"treemap of the filesystem\">");
        for (Treemap.Rect r : Treemap.layout(image.tree(), CHART_WIDTH, TREE_HEIGHT)) {
            ReportModel.Node n = r.node();
            int hue = (r.top() * 47 + 200) % 360;
            int light = n.kind().equals("other") ? 88 : Math.min(85, 52 + r.depth() * 7);
            out.append("<g class=\"tile ").append(n.kind()).append("\"><title>").append(esc(n.path()
                    + (n.kind().equals("other") ? " " + n.name() : "") + " — " + human(n.size())
                    + (n.kind().equals("file") ? "" : ", " + String.format(Locale.ROOT, "%,d", n.files()) + " files")))
                    .append("</title><rect x=\"").append(fmt(r.x())).append("\" y=\"").append(fmt(r.y())).append("\" width=\"")
                    .append(fmt(r.w())).append("\" height=\"").append(fmt(r.h())).append("\" fill=\"hsl(").append(hue).append(",45%,")
                    .append(light).append("%)\"/>");
            String name = n.kind().equals("other") ? "…" : n.name();
            if (r.w() > 36 && (r.header() || r.h() > 14)) {
                out.append("<text x=\"").append(fmt(r.x() + 3)).append("\" y=\"").append(fmt(r.y() + 11)).append("\">")
                        .append(esc(clip(name + (r.w() > 110 ? " " + human(n.size()) : ""), (int) (r.w() / 6.5))))
                        .append("</text>");
            }
            out.append("</g>");
        }
        out.append("</svg>\n");
        if (image.largestFiles() != null && !image.largestFiles().isEmpty()) {
            out.append("<details><summary>The ").append(image.largestFiles().size()).append(" largest files</summary>");
            fileTable(out, image.largestFiles(), true);
            out.append("</details>\n");
        }
    }

    // ---- packages, findings, comparisons, assertions ------------------------------------------------------

    private static void packages(StringBuilder out, ReportModel.Image image) {
        if (image.packages().isEmpty()) {
            return;
        }
        out.append("<h3>Packages</h3>\n");
        for (Map.Entry<String, List<ReportModel.Package>> e : image.packages().entrySet()) {
            out.append("<details><summary>").append(esc(e.getKey())).append(": ").append(e.getValue().size())
                    .append("</summary><table class=\"packages\"><thead><tr><th>name</th><th>version</th><th class=\"num\">layer</th>")
                    .append("</tr></thead><tbody>");
            for (ReportModel.Package p : e.getValue()) {
                out.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(esc(p.version()))
                        .append("</td><td class=\"num\">").append(p.layer()).append("</td></tr>");
            }
            out.append("</tbody></table></details>\n");
        }
    }

    private static void findings(StringBuilder out, ReportModel.Image image) {
        if (image.waste() == null && image.findings().isEmpty()) {
            return;
        }
        out.append("<h3>Findings</h3>\n");
        if (image.waste() != null) {
            ReportModel.Waste w = image.waste();
            out.append("<p>Waste: ").append(human(w.wastedBytes())).append(" in ").append(w.hiddenCopies())
                    .append(" hidden copies; efficiency ").append(String.format(Locale.ROOT, "%.1f %%", 100 * w.efficiency()))
                    .append(", user wasted share ").append(String.format(Locale.ROOT, "%.1f %%", 100 * w.userWastedShare()))
                    .append(".</p>\n");
        }
        if (!image.findings().isEmpty()) {
            out.append("<table class=\"findings\"><thead><tr><th>kind</th><th>rule</th><th>where</th><th>what</th></tr></thead><tbody>");
            for (ReportModel.Finding f : image.findings()) {
                out.append("<tr class=\"").append(f.level()).append("\"><td>").append(esc(f.kind())).append("</td><td>")
                        .append(esc(f.rule())).append("</td><td>").append(f.layer() == null ? "" : "layer " + f.layer())
                        .append(f.location() == null ? "" : " <code>" + esc(f.location().toString()) + "</code>")
                        .append("</td><td>").append(esc(f.message())).append("</td></tr>");
            }
            out.append("</tbody></table>\n");
        }
    }

    private static void comparisons(StringBuilder out, ReportModel.Image image) {
        for (ReportModel.Comparison c : image.comparisons()) {
            out.append("<h3>Compared with ").append(esc(c.base())).append("</h3>\n<p>").append(human(c.size())).append(" against ")
                    .append(human(c.baseSize())).append(": ").append(c.added()).append(" paths added, ").append(c.removed())
                    .append(" removed, ").append(c.changed()).append(" changed.</p>\n");
            if (!c.largestAdded().isEmpty()) {
                out.append("<details><summary>Largest files added</summary>");
                fileTable(out, c.largestAdded(), true);
                out.append("</details>\n");
            }
            if (!c.removedPaths().isEmpty()) {
                out.append("<details><summary>Removed</summary><ul>");
                c.removedPaths().forEach(p -> out.append("<li><code>").append(esc(p)).append("</code></li>"));
                out.append("</ul></details>\n");
            }
            if (!c.changedPaths().isEmpty()) {
                out.append("<details><summary>Changed</summary><ul>");
                c.changedPaths().forEach(p -> out.append("<li><code>").append(esc(p)).append("</code></li>"));
                out.append("</ul></details>\n");
            }
        }
    }

    private static void assertions(StringBuilder out, ReportModel.Image image) {
        out.append("<h3>Assertions</h3>\n<table class=\"assertions\"><thead><tr><th>test</th><th>assertion</th><th>outcome</th>")
                .append("</tr></thead><tbody>\n");
        for (ReportModel.Assertion a : image.assertions()) {
            out.append("<tr class=\"assertion ").append(a.passed() ? "passed" : "failed").append("\"><td>")
                    .append(esc(a.test() == null ? "" : a.test())).append("</td><td><code>")
                    .append(esc((a.as() == null ? "" : "[" + a.as() + "] ") + a.assertion())).append("</code>");
            if (!a.passed()) {
                out.append(a.location() == null ? "" : "<div class=\"where\">layer " + a.layer() + " at <code>"
                        + esc(a.location().toString()) + "</code></div>");
                out.append("<pre class=\"message\">").append(esc(a.message() == null ? "" : a.message())).append("</pre>");
            }
            out.append("</td><td class=\"outcome\">").append(a.passed() ? "passed" : "FAILED").append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    // ---- text ----------------------------------------------------------------------------------------------

    private static String outcome(int passed, int failed) {
        return failed > 0 ? "<span class=\"fail\">" + failed + " failed</span>, " + passed + " passed"
                : "<span class=\"pass\">" + passed + " passed</span>";
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String dockerfileText(ReportModel.Dockerfile d) {
        return d.file() + (d.target() == null ? "" : " --target " + d.target());
    }

    static String human(long bytes) {
        return DataSize.human(bytes);
    }

    static String clip(String text, int max) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** One decimal, without {@code String.format}'s cost: a report draws thousands of coordinates. */
    static String fmt(double v) {
        long tenths = Math.round(v * 10);
        long whole = tenths / 10;
        long fraction = Math.abs(tenths % 10);
        return (tenths < 0 && whole == 0 ? "-" : "") + whole + "." + fraction;
    }

    /** Text and attribute values: the five characters HTML gives meaning to. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0 24px 48px;color:#222;max-width:1000px}
            h1{font-size:22px;margin:16px 0 4px}h2{font-size:18px;margin:0 0 8px;word-break:break-all}h3{font-size:15px;margin:18px 0 6px}
            h4{margin:6px 0}.meta{color:#555;margin:0 0 8px}
            table{border-collapse:collapse;margin:4px 0;width:100%}th,td{text-align:left;padding:2px 6px;border-bottom:1px solid #e4e4e4;vertical-align:top}
            td.num,th.num{text-align:right;white-space:nowrap}code{font-size:12px;word-break:break-all}
            section.image{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:18px 0;content-visibility:auto;contain-intrinsic-size:auto 1400px}
            section.image.failed{border-left:6px solid #c62828}section.image.passed{border-left:6px solid #2e7d32}
            .pass{color:#2e7d32}.fail{color:#c62828;font-weight:600}.badge{font-size:13px;font-weight:normal}
            dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:0}dt{color:#666}dd{margin:0;word-break:break-all}
            svg text{font:12px system-ui,sans-serif;fill:#222}svg .where{fill:#666}
            svg.layers g.layer{cursor:pointer}svg.layers rect.row{fill:transparent}svg.layers g.layer:hover rect.row,svg.layers g.layer.selected rect.row{fill:#eef3fb}
            rect.layer-bar{fill:#4a78c2}g.layer.selected rect.layer-bar{fill:#1d4d9c}
            line.limit{stroke-width:2;stroke-dasharray:4 2}line.limit.pass{stroke:#2e7d32}line.limit.fail{stroke:#c62828}
            g.budget rect{fill:#4a78c2}g.budget.fail rect{fill:#c62828}g.budget line{stroke:#222;stroke-width:2}
            svg.treemap rect{stroke:#fff;stroke-width:1}svg.treemap text{font-size:11px;pointer-events:none}
            .layer-files{background:#f7f9fc;border:1px solid #d8e0ee;padding:6px 10px;margin:6px 0}
            .note{color:#666}.hint{color:#666;margin:0 0 4px;font-size:12px}
            tr.hidden-copy td{color:#8a5a00}tr.error td{background:#fdecea}tr.warning td{background:#fff8e1}
            tr.assertion.failed td{background:#fdecea}tr.assertion.failed td.outcome{color:#c62828;font-weight:700}
            tr.assertion.passed td.outcome{color:#2e7d32}pre.message{white-space:pre-wrap;font-size:12px;margin:4px 0;max-height:24em;overflow:auto}
            """;

    private static final String SCRIPT = """
            (function () {
              function select(layer) {
                var section = layer.closest('section.image');
                var index = layer.getAttribute('data-layer');
                section.querySelectorAll('g.layer').forEach(function (g) {
                  g.classList.toggle('selected', g === layer);
                });
                section.querySelectorAll('.layer-files').forEach(function (d) {
                  d.hidden = d.getAttribute('data-layer') !== index;
                });
              }
              document.addEventListener('click', function (e) {
                var layer = e.target.closest && e.target.closest('g.layer');
                if (layer) { select(layer); }
              });
              document.addEventListener('keydown', function (e) {
                if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('g.layer')) {
                  e.preventDefault();
                  select(e.target);
                }
              });
            })();
            """;
}
