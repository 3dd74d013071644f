package dev.gosetup.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's own startup files a new terminal's shell reads, in the order it reads them, with the files
 * they source followed where they are written (Debian's .profile sources .bashrc near its top). System files
 * (/etc/profile, /etc/zsh/zshrc) run before the user's and are left out: they cannot undo what a user file
 * does later. Facts: docs/shell-environment.md and ../shared/notes/shell-startup.md.
 */
public final class StartupOrder {
    /** Files larger than this are not read for the order: no startup file is that big (grml's is 120 KB). */
    private static final long MAX_FILE = 4L << 20;
    private static final int MAX_DEPTH = 4;
    /** `. FILE` or `source FILE` as a command of its own: at the start, after ; && || { ( then do else. */
    private static final Pattern SOURCES = Pattern.compile(
            "(?:^|[;&|({]|\\bthen\\b|\\bdo\\b|\\belse\\b)\\s*(?:\\.|source)\\s+(\"[^\"]*\"|'[^']*'|[^\\s;&|)]+)");
    private static final Pattern OUR_SCRIPT = Pattern.compile(".*gosetup[/\\\\]env\\.(sh|fish|ps1)[\"']?.*");
    /** macOS's path_helper rebuilds PATH from /etc/paths and /etc/paths.d, putting ours behind /usr/local/go/bin. */
    private static final Pattern PATH_HELPER = Pattern.compile("(?:^|[\\s\"'`(/])path_helper\\s+-[sc]\\b");

    /**
     * How a terminal starts the shell. LOGIN: login and interactive (macOS Terminal, ssh, IDEs reading the
     * login environment). TAB: interactive only, as Linux terminal tabs start bash, reading just .bashrc.
     */
    public enum Start { LOGIN, TAB }

    /**
     * One line as the shell meets it.
     *
     * @param line       0-based line index in {@code file}
     * @param ours       inside our block, or a line sourcing our env script: PATH is ours from here on
     * @param standalone a top-level statement of its own (see {@link ConflictScanner#standalone})
     * @param kind       what the line does to Go or PATH, or null
     */
    public record Step(Path file, int line, String text, boolean ours, boolean standalone, Conflict.Kind kind) {
        /** PATH set from scratch (or rebuilt by path_helper): what ran before it, our block included, is gone or behind. */
        public boolean resetsPath() {
            return kind == Conflict.Kind.PATH_RESET || kind == Conflict.Kind.GO_ON_PATH && ConflictScanner.resetsPath(text);
        }

        /** Another Go (or a version manager's shims) put in front of PATH: it wins over a Go put there earlier. */
        public boolean putsOtherGoFirst() {
            return kind == Conflict.Kind.GO_VERSION_MANAGER || kind == Conflict.Kind.TOOL_MANAGER
                    || kind == Conflict.Kind.GO_ON_PATH && ConflictScanner.putsGoFirst(text);
        }
    }

    private StartupOrder() {}

    /** The ways new terminals start this shell on this OS. */
    public static List<Start> starts(String os, Shell shell) {
        return switch (shell) {
            case BASH -> os.equals("linux") ? List.of(Start.LOGIN, Start.TAB) : List.of(Start.LOGIN);
            case ZSH, FISH, PWSH -> List.of(Start.LOGIN);
            case CMD -> List.of();
        };
    }

    /** The top-level files, in order, whether they exist or not. */
    public static List<Path> files(ShellFiles files, Shell shell, Start start) {
        Path home = files.home();
        List<Path> out = new ArrayList<>();
        switch (shell) {
            case BASH -> out.add(start == Start.LOGIN ? files.loginFile() : home.resolve(".bashrc"));
            case ZSH -> {
                Path z = files.zdotdir();
                out.add(z.resolve(".zshenv"));
                if (start == Start.LOGIN) {
                    out.add(z.resolve(".zprofile"));
                }
                out.add(z.resolve(".zshrc"));
                if (start == Start.LOGIN) {
                    out.add(z.resolve(".zlogin"));
                }
            }
            case FISH -> {
                // fish sources conf.d/*.fish in name order, then config.fish (share/config.fish).
                Path fish = files.configDir().resolve("fish");
                try (DirectoryStream<Path> d = Files.newDirectoryStream(fish.resolve("conf.d"), "*.fish")) {
                    List<Path> confd = new ArrayList<>();
                    d.forEach(confd::add);
                    confd.sort((a, b) -> a.getFileName().toString().compareToIgnoreCase(b.getFileName().toString()));
                    out.addAll(confd);
                } catch (IOException noFolder) {
                    // no conf.d: only config.fish
                }
                out.add(fish.resolve("config.fish"));
            }
            case PWSH -> {
                Path dir = files.os().equals("windows")
                        ? (files.documents() != null ? files.documents() : home.resolve("Documents")).resolve("PowerShell")
                        : files.configDir().resolve("powershell");
                out.add(dir.resolve("profile.ps1"));
                out.add(dir.resolve("Microsoft.PowerShell_profile.ps1"));
            }
            case CMD -> { }
        }
        return out;
    }

    /** Every line the shell runs from the user's files, in order, sourced files followed. */
    public static List<Step> walk(ShellFiles files, Shell shell, Start start) {
        List<Step> out = new ArrayList<>();
        for (Path f : files(files, shell, start)) {
            walkFile(files, f, out, new LinkedHashSet<>());
        }
        return out;
    }

    /** Every existing user file any start of the shell reads, sourced ones included. */
    public static Set<Path> read(ShellFiles files, Shell shell) {
        Set<Path> out = new LinkedHashSet<>();
        for (Start start : starts(files.os(), shell)) {
            for (Step s : walk(files, shell, start)) {
                out.add(s.file());
            }
        }
        return out;
    }

    private static void walkFile(ShellFiles files, Path file, List<Step> out, Set<Path> open) {
        TextFile text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE || open.size() > MAX_DEPTH
                    || !open.add(file.toRealPath())) {
                return;
            }
            text = TextFile.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return; // unreadable or damaged: the shell reports it, and the health check names it
        }
        BlockEditor.Span ours;
        try {
            ours = BlockEditor.find(text);
        } catch (DamagedBlockException e) {
            ours = null;
        }
        boolean[] standalone = ConflictScanner.standalone(text);
        for (int i = 0; i < text.lines.size(); i++) {
            String t = text.readable(text.lines.get(i));
            boolean comment = ConflictScanner.isComment(t) || t.isBlank();
            boolean inOurs = ours != null && i >= ours.start() && i <= ours.end();
            boolean oursToo = !comment && OUR_SCRIPT.matcher(t).matches() && SOURCES.matcher(t).find();
            Conflict.Kind kind = comment || inOurs ? null : ConflictScanner.kindOf(t);
            if (kind == null && !comment && !inOurs && PATH_HELPER.matcher(t).find()) {
                kind = Conflict.Kind.PATH_RESET;
            }
            out.add(new Step(file, i, t, inOurs || oursToo, standalone[i], kind));
            if (!comment && !inOurs && !oursToo) {
                Matcher m = SOURCES.matcher(t);
                while (m.find()) {
                    Path sourced = resolve(files, m.group(1));
                    if (sourced != null) {
                        walkFile(files, sourced, out, open);
                    }
                }
            }
        }
        try {
            open.remove(file.toRealPath());
        } catch (IOException e) {
            // it was there a moment ago; nothing to undo
        }
    }

    /** A sourced file's path when it names one under the home folder without other variables; else null. */
    static Path resolve(ShellFiles files, String word) {
        String w = word;
        if (w.length() >= 2 && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("'") && w.endsWith("'"))) {
            w = w.substring(1, w.length() - 1);
        }
        String home = files.home().toString();
        w = w.replace("${ZDOTDIR:-$HOME}", files.zdotdir().toString()).replace("${ZDOTDIR}", files.zdotdir().toString())
                .replace("$ZDOTDIR", files.zdotdir().toString())
                .replace("${XDG_CONFIG_HOME:-$HOME/.config}", files.configDir().toString())
                .replace("${XDG_CONFIG_HOME}", files.configDir().toString()).replace("$XDG_CONFIG_HOME", files.configDir().toString())
                .replace("${HOME}", home).replace("$HOME", home);
        if (w.equals("~") || w.startsWith("~/")) {
            w = home + w.substring(1);
        }
        if (w.isEmpty() || w.contains("$") || w.contains("*") || w.contains("`")) {
            return null;
        }
        Path p = files.home().resolve(w).normalize(); // a relative name: the shell starts in the home folder
        return p.startsWith(files.home().normalize()) && Files.isRegularFile(p) ? p : null;
    }
}
