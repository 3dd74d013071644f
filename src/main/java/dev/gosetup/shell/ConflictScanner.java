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
    private static final Pattern GO_BIN = Pattern.compile("(?i)(/usr/local/go/bin|/usr/lib/go[-0-9.]*/bin|\\$\\{?GOROOT\\}?[/\\\\]bin|"
            + "[/\\\\]go[/\\\\]bin|\\\\Go\\\\bin|/opt/go/bin|/snap/go|\\.go/bin|/go[0-9.]+/bin)");
    /** GOPATH's bin on PATH is what we add too, not another Go: taken out before looking for Go toolchains. */
    private static final Pattern GOPATH_BIN = Pattern.compile("(\\$\\{?HOME\\}?|~)/go/bin|\\$\\{?GOPATH\\}?/bin");
    private static final Pattern VERSION_MANAGER = Pattern.compile(".*(\\.gvm/scripts/gvm|goenv\\s+init|GOENV_ROOT|\\.goenv/bin).*");
    private static final Pattern TOOL_MANAGER = Pattern.compile(".*(asdf\\.(sh|fish)|asdf/shims|mise\\s+activate|rtx\\s+activate|\\.local/share/mise/shims).*");
    /** PATH set in sh, bash or zsh (also declared): what follows the '=' is the value and what comes after it. */
    private static final Pattern SH_PATH_SET = Pattern.compile("\\s*(?:(?:export|declare|typeset|local|readonly)(?:\\s+-\\w+)*\\s+)?PATH=(.*)");
    /** zsh's path array, tied to PATH. */
    private static final Pattern ZSH_PATH_ARRAY = Pattern.compile("\\s*(?:(?:export|declare|typeset|local)(?:\\s+-\\w+)*\\s+)?path=\\((.*)");
    /** fish: set [flags] PATH values… (-a, -p, -e, -q and --show add to, erase or only read it). */
    private static final Pattern FISH_PATH_SET = Pattern.compile("\\s*set\\s+((?:-{1,2}[\\w-]+\\s+)*)PATH(?:\\s+(.*))?");
    private static final Pattern FISH_NOT_A_RESET = Pattern.compile("(?:^|\\s)(?:-\\w*[apeqS]\\w*|--(?:append|prepend|erase|query|show|names))(?=\\s|$)");
    private static final Pattern PS_PATH_SET = Pattern.compile("(?i)\\s*\\$env:PATH\\s*=(?!=)(.*)");
    /** The value refers to the PATH before it ($PATH, ${PATH}, zsh's $path, PowerShell's $env:PATH). */
    private static final Pattern MENTIONS_PATH = Pattern.compile("(?i)\\$\\{?(?:env:)?path\\b");
    /** A variable or command substitution in a value: $NAME, ${NAME…}, $(…), `…`. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)|\\$\\(|`");
    /** Variables whose value is never an earlier PATH: a value built only from these sets PATH from scratch. */
    private static final java.util.Set<String> PLAIN = java.util.Set.of("HOME", "USER", "LOGNAME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
            "XDG_STATE_HOME", "XDG_BIN_HOME", "ZDOTDIR", "GOPATH", "GOROOT", "GOBIN", "CARGO_HOME", "PYENV_ROOT", "HOMEBREW_PREFIX");
    /** One sh word (quotes kept) at the start of a value. */
    private static final Pattern SH_WORD = Pattern.compile("(?:\"[^\"]*\"|'[^']*'|[^\\s;&|()])*");
    private static final Pattern OPENS = Pattern.compile("\\s*(if|for|while|until|case|function|switch|begin|foreach)\\b.*|.*\\{\\s*$|.*\\(\\)\\s*\\{?\\s*$");
    private static final Pattern CLOSES = Pattern.compile("\\s*(fi|done|esac|end|\\})\\b.*|\\s*\\}.*");

    private ConflictScanner() {}

    public static List<Conflict> scan(Path file, byte[] content) throws DamagedBlockException {
        TextFile text = TextFile.parse(content);
        BlockEditor.Span ours = BlockEditor.find(text);
        List<Conflict> out = new ArrayList<>();
        boolean[] standalone = standalone(text);
        for (int i = 0; i < text.lines.size(); i++) {
            String t = text.readable(text.lines.get(i));
            boolean inOurs = ours != null && i >= ours.start() && i <= ours.end();
            if (!inOurs && !isComment(t) && !t.isBlank()) {
                Conflict.Kind kind = kindOf(t);
                if (kind != null) {
                    boolean safe = standalone[i] && kind != Conflict.Kind.TOOL_MANAGER && kind != Conflict.Kind.PATH_RESET
                            && kind != Conflict.Kind.GO_VARIABLE;
                    out.add(new Conflict(file, i, t, kind, safe));
                }
            }
        }
        return out;
    }

    static boolean isComment(String line) {
        return COMMENT.matcher(line).matches();
    }

    /**
     * Per line: a top-level statement of its own, neither inside if/for/a function nor continued from or
     * onto another line — a line that can be commented out, or that our block can be placed right after.
     */
    static boolean[] standalone(TextFile text) {
        boolean[] out = new boolean[text.lines.size()];
        int depth = 0;
        boolean continued = false;
        for (int i = 0; i < text.lines.size(); i++) {
            String t = text.readable(text.lines.get(i));
            boolean isComment = isComment(t);
            boolean endsContinued = t.stripTrailing().endsWith("\\") || t.stripTrailing().endsWith("`");
            out[i] = depth == 0 && !continued && !endsContinued;
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

    /**
     * PATH set from scratch, without the PATH before it: whatever ran earlier (our block included) is gone.
     * {@code PATH=/usr/bin make} sets PATH for that one command only, and is not a reset.
     */
    static boolean resetsPath(String t) {
        java.util.regex.Matcher sh = SH_PATH_SET.matcher(t);
        if (sh.matches()) {
            String value = sh.group(1);
            java.util.regex.Matcher word = SH_WORD.matcher(value);
            word.lookingAt();
            String rest = value.substring(word.end()).strip();
            boolean forOneCommand = !rest.isEmpty() && !rest.startsWith(";") && !rest.startsWith("&&") && !rest.startsWith("||")
                    && !rest.startsWith("#");
            return !forOneCommand && fromScratch(word.group());
        }
        java.util.regex.Matcher zsh = ZSH_PATH_ARRAY.matcher(t);
        if (zsh.matches()) {
            // path=( on a line of its own lists the folders below: the line alone does not tell
            return zsh.group(1).contains(")") && fromScratch(zsh.group(1));
        }
        java.util.regex.Matcher fish = FISH_PATH_SET.matcher(t);
        if (fish.matches()) {
            return !FISH_NOT_A_RESET.matcher(" " + fish.group(1)).find() && (fish.group(2) == null || fromScratch(fish.group(2)));
        }
        java.util.regex.Matcher ps = PS_PATH_SET.matcher(t);
        return ps.matches() && fromScratch(ps.group(1));
    }

    /**
     * A PATH value that cannot hold the PATH before it: no $PATH, and no other variable or command output
     * that might ($NEWPATH, $(…) — then the line alone does not tell, and it is not called a reset).
     */
    private static boolean fromScratch(String value) {
        if (MENTIONS_PATH.matcher(value).find()) {
            return false;
        }
        java.util.regex.Matcher ref = REFERENCE.matcher(value);
        while (ref.find()) {
            if (ref.group(1) == null || !PLAIN.contains(ref.group(1).toUpperCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the line puts another Go's bin in front of the PATH it keeps (or in a PATH set from scratch):
     * what comes first on PATH wins. {@code PATH=$PATH:/usr/local/go/bin} and {@code fish_add_path -a} append.
     */
    static boolean putsGoFirst(String t) {
        String s = GOPATH_BIN.matcher(t).replaceAll("");
        java.util.regex.Matcher dir = GO_BIN.matcher(s);
        if (!PATH_LINE.matcher(s).matches() || !dir.find()) {
            return false;
        }
        if (s.contains("fish_add_path")) {
            return !s.matches(".*\\s(-\\w*a\\w*|--append)(\\s.*|$)");
        }
        java.util.regex.Matcher before = MENTIONS_PATH.matcher(s);
        return !before.find() || dir.start() < before.start();
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
        if (PATH_LINE.matcher(t).matches() && GO_BIN.matcher(GOPATH_BIN.matcher(t).replaceAll("")).find()) {
            return Conflict.Kind.GO_ON_PATH;
        }
        if (resetsPath(t)) {
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
