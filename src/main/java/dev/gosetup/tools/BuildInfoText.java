package dev.gosetup.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the module text a Go binary carries, as runtime/debug.ParseBuildInfo does: {@code path}, {@code mod},
 * {@code dep} and {@code =>} (replacement) lines of tab-separated columns, and {@code build KEY=VALUE} lines whose
 * key or value is a Go-quoted string when it holds spaces, tabs, quotes or '='. Like Go, a last line without its
 * newline is not read. Unlike Go, a malformed line is skipped rather than failing the whole text: the text comes
 * from a file that may be hostile, and the other lines still say what they say.
 */
final class BuildInfoText {
    private BuildInfoText() {}

    static GoBuildInfo parse(String goVersion, String text) {
        String path = "";
        GoBuildInfo.Module main = null;
        List<GoBuildInfo.Module> deps = new ArrayList<>();
        List<GoBuildInfo.Setting> settings = new ArrayList<>();
        int lastDep = -2; // -1: main, n: deps[n]; else no module line just before (a replacement needs one)
        int from = 0;
        int nl;
        while ((nl = text.indexOf('\n', from)) >= 0) {
            String line = text.substring(from, nl);
            from = nl + 1;
            if (line.startsWith("path\t")) {
                path = line.substring(5);
                lastDep = -2;
            } else if (line.startsWith("mod\t")) {
                main = module(line.substring(4)).orElse(null);
                lastDep = main == null ? -2 : -1;
            } else if (line.startsWith("dep\t")) {
                Optional<GoBuildInfo.Module> m = module(line.substring(4));
                m.ifPresent(deps::add);
                lastDep = m.isPresent() ? deps.size() - 1 : -2;
            } else if (line.startsWith("=>\t")) {
                String[] c = line.substring(3).split("\t", -1);
                if (c.length == 3 && lastDep != -2) {
                    GoBuildInfo.Module replacement = new GoBuildInfo.Module(c[0], c[1], c[2], null);
                    if (lastDep == -1) {
                        main = new GoBuildInfo.Module(main.path(), main.version(), main.sum(), replacement);
                    } else {
                        GoBuildInfo.Module d = deps.get(lastDep);
                        deps.set(lastDep, new GoBuildInfo.Module(d.path(), d.version(), d.sum(), replacement));
                    }
                }
                lastDep = -2;
            } else if (line.startsWith("build\t")) {
                setting(line.substring(6)).ifPresent(settings::add);
                lastDep = -2;
            }
        }
        return new GoBuildInfo(goVersion, path, main, deps, settings, text);
    }

    private static Optional<GoBuildInfo.Module> module(String columns) {
        String[] c = columns.split("\t", -1);
        if (c.length != 2 && c.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new GoBuildInfo.Module(c[0], c[1], c.length == 3 ? c[2] : "", null));
    }

    private static Optional<GoBuildInfo.Setting> setting(String kv) {
        if (kv.isEmpty() || kv.charAt(0) == '=') {
            return Optional.empty();
        }
        String key;
        String raw;
        if (kv.charAt(0) == '"' || kv.charAt(0) == '`') {
            int end = GoQuoted.prefixLength(kv);
            if (end < 0 || end >= kv.length() || kv.charAt(end) != '=') {
                return Optional.empty();
            }
            Optional<String> k = GoQuoted.unquote(kv.substring(0, end));
            if (k.isEmpty()) {
                return Optional.empty();
            }
            key = k.get();
            raw = kv.substring(end + 1);
        } else {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                return Optional.empty();
            }
            key = kv.substring(0, eq);
            raw = kv.substring(eq + 1);
        }
        String value = raw;
        if (!raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '`')) {
            Optional<String> v = GoQuoted.unquote(raw);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            value = v.get();
        }
        return Optional.of(new GoBuildInfo.Setting(key, value));
    }
}
