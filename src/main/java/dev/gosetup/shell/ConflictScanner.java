package dev.gosetup.shell;

import dev.gosetup.settings.Settings;
import dev.gosetup.shell.TextFile.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the lines outside our block that set up Go another way (facts: ../shared/notes/shell-startup.md):
 * GOROOT and GOPATH exports, PATH entries for another Go, gvm/goenv, asdf/mise, PATH resets. Works for
 * sh-family, fish and PowerShell syntax alike; the patterns look for what a line does, not how.
 */
public final class ConflictScanner {
    private static final Pattern COMMENT = Pattern.compile("\\s*#.*");
    private static final Pattern GOROOT = Pattern.compile(".*(\\bexport\\s+GOROOT\\s*=|^\\s*GOROOT\\s*=|set\\s+(-\\w+\\s+)*GOROOT\\b|\\$env:GOROOT\\s*=|setenv\\s+GOROOT\\b).*");
    private static final Pattern GOPATH = Pattern.compile(".*(\\bexport\\s+GOPATH\\s*=|^\\s*GOPATH\\s*=|set\\s+(-\\w+\\s+)*GOPATH\\b|\\$env:GOPATH\\s*=|setenv\\s+GOPATH\\b).*");
    private static final Pattern PATH_LINE = Pattern.compile("(?i).*\\b(PATH\\b|fish_add_path|fish_user_paths).*");
    private static final Pattern GO_BIN = Pattern.compile("(?i).*(/usr/local/go/bin|/usr/lib/go[-0-9.]*/bin|\\$\\{?GOROOT\\}?[/\\\\]bin|"
            + "[/\\\\]go[/\\\\]bin|\\\\Go\\\\bin|/opt/go/bin|/snap/go|\\.go/bin|/go[0-9.]+/bin).*");
    /** GOPATH's bin on PATH is what we add too, not another Go: taken out before looking for Go toolchains. */
    private static final Pattern GOPATH_BIN = Pattern.compile("(\\$\\{?HOME\\}?|~)/go/bin|\\$\\{?GOPATH\\}?/bin");
    private static final Pattern VERSION_MANAGER = Pattern.compile(".*(\\.gvm/scripts/gvm|goenv\\s+init|GOENV_ROOT|\\.goenv/bin).*");
    private static final Pattern TOOL_MANAGER = Pattern.compile(".*(asdf\\.(sh|fish)|asdf/shims|mise\\s+activate|rtx\\s+activate|\\.local/share/mise/shims).*");
    private static final Pattern PATH_RESET = Pattern.compile("\\s*(export\\s+)?PATH\\s*=\\s*[\"']?/[^$]*$");
    private static final Pattern OPENS = Pattern.compile("\\s*(if|for|while|until|case|function|switch|begin|foreach)\\b.*|.*\\{\\s*$|.*\\(\\)\\s*\\{?\\s*$");
    private static final Pattern CLOSES = Pattern.compile("\\s*(fi|done|esac|end|\\})\\b.*|\\s*\\}.*");

    private ConflictScanner() {}

    public static List<Conflict> scan(Path file, byte[] content) throws DamagedBlockException {
        TextFile text = TextFile.parse(content);
        BlockEditor.Span ours = BlockEditor.find(text);
        List<Conflict> out = new ArrayList<>();
        int depth = 0;
        boolean continued = false;
        for (int i = 0; i < text.lines.size(); i++) {
            Line line = text.lines.get(i);
            String t = text.readable(line);
            boolean inOurs = ours != null && i >= ours.start() && i <= ours.end();
            boolean isComment = COMMENT.matcher(t).matches();
            boolean topLevel = depth == 0 && !continued;
            if (!inOurs && !isComment && !t.isBlank()) {
                Conflict.Kind kind = kindOf(t);
                if (kind != null) {
                    boolean endsContinued = t.stripTrailing().endsWith("\\") || t.stripTrailing().endsWith("`");
                    boolean safe = topLevel && !endsContinued && kind != Conflict.Kind.TOOL_MANAGER && kind != Conflict.Kind.PATH_RESET
                            && kind != Conflict.Kind.GO_VARIABLE;
                    out.add(new Conflict(file, i, t, kind, safe));
                }
            }
            if (!isComment) {
                String stripped = t.strip();
                boolean oneLiner = stripped.matches(".*\\b(fi|done|esac|end)\\s*;?\\s*$") && OPENS.matcher(t).matches()
                        || stripped.matches(".*\\{.*\\}.*");
                if (!oneLiner) {
                    if (OPENS.matcher(t).matches()) {
                        depth++;
                    } else if (CLOSES.matcher(t).matches()) {
                        depth = Math.max(0, depth - 1);
                    }
                }
                continued = t.stripTrailing().endsWith("\\");
            }
        }
        return out;
    }

    static Conflict.Kind kindOf(String t) {
        if (VERSION_MANAGER.matcher(t).matches()) {
            return Conflict.Kind.GO_VERSION_MANAGER;
        }
        if (TOOL_MANAGER.matcher(t).matches()) {
            return Conflict.Kind.TOOL_MANAGER;
        }
        if (GOROOT.matcher(t).matches()) {
            return Conflict.Kind.GOROOT;
        }
        if (GOPATH.matcher(t).matches()) {
            return Conflict.Kind.GOPATH;
        }
        if (PATH_LINE.matcher(t).matches() && GO_BIN.matcher(GOPATH_BIN.matcher(t).replaceAll("")).matches()) {
            return Conflict.Kind.GO_ON_PATH;
        }
        if (PATH_RESET.matcher(t).matches()) {
            return Conflict.Kind.PATH_RESET;
        }
        for (String v : Settings.GO_VARIABLES) {
            if (t.matches(".*(\\bexport\\s+|^\\s*|set\\s+(-\\w+\\s+)*|\\$env:)" + v + "\\b\\s*=?.*")) {
                return Conflict.Kind.GO_VARIABLE;
            }
        }
        return null;
    }
}
