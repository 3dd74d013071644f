package dev.gosetup.mirror;

import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * index.html for people who open the mirror in a browser: each version, its archives with platform, size and
 * SHA-256, links to the files and their signatures. Static and without scripts (a file server serves it as is);
 * every value is HTML-escaped, although the names come only from checked archive names.
 */
final class IndexPage {
    private IndexPage() {}

    static byte[] render(List<MirrorEntry> entries, java.util.Set<String> signed, Messages m) {
        List<MirrorEntry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> {
            int byVersion = b.version().compareTo(a.version());
            return byVersion != 0 ? byVersion : a.name().name().compareTo(b.name().name());
        });
        String lang = m.locale().toLanguageTag();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(esc(lang)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc(m.get("mirror.index.title"))).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{padding:.2em .8em;text-align:left;border-bottom:1px solid #ddd}code{font-size:.85em}</style>\n")
                .append("</head>\n<body>\n<h1>").append(esc(m.get("mirror.index.title"))).append("</h1>\n<p>")
                .append(esc(m.get("mirror.index.intro", MirrorLayout.LIST))).append("</p>\n");
        String current = null;
        for (MirrorEntry e : sorted) {
            if (!e.version().name().equals(current)) {
                if (current != null) {
                    h.append("</table>\n");
                }
                current = e.version().name();
                h.append("<h2 id=\"").append(esc(current)).append("\">").append(esc(current)).append("</h2>\n<table>\n<tr><th>")
                        .append(esc(m.get("mirror.index.file"))).append("</th><th>").append(esc(m.get("mirror.index.platform")))
                        .append("</th><th>").append(esc(m.get("mirror.index.size"))).append("</th><th>SHA-256</th><th>")
                        .append(esc(m.get("mirror.index.signature"))).append("</th></tr>\n");
            }
            String n = e.name().name();
            h.append("<tr><td><a href=\"").append(esc(e.name().urlSegment())).append("\">").append(esc(n)).append("</a></td><td>")
                    .append(esc(e.file().os() + "/" + e.file().arch())).append("</td><td>")
                    .append(esc(new ByteSize(e.file().size()).format(m.locale()))).append("</td><td><code>")
                    .append(esc(e.file().sha256())).append("</code></td><td>")
                    .append(signed.contains(n) ? "<a href=\"" + esc(e.name().urlSegment()) + ".asc\">.asc</a>" : "-")
                    .append("</td></tr>\n");
        }
        if (current != null) {
            h.append("</table>\n");
        } else {
            h.append("<p>").append(esc(m.get("mirror.index.empty"))).append("</p>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
