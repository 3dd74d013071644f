package dev.gosetup.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The env scripts the app owns, one per shell family (as rustup's ~/.cargo/env): the startup files only
 * source them, so a change of setting rewrites these, not the user's files. Each is idempotent however
 * often it is sourced: our PATH entries are taken out wherever they are and put in front, so they win
 * even after macOS's path_helper has moved them behind /usr/local/go/bin.
 *
 * Paths under the home folder are written relative to $HOME, so the files survive a renamed home and
 * read the way people write them. The scripts are code: their comments are in English, as conda's are.
 */
public final class EnvScripts {
    static final String GOROOT_REASON = "GOROOT is left unset: each go binary finds its own root, and a GOROOT left "
            + "pointing at another version breaks builds.";

    private EnvScripts() {}

    /** POSIX sh, for sh, bash and zsh (and /etc/profile.d). */
    public static String sh(EnvSpec spec) {
        List<String> out = new ArrayList<>(header("sh, bash and zsh"));
        out.add("export GOPATH=" + shPath(spec, spec.gopath()));
        out.add("# " + GOROOT_REASON);
        out.add((spec.setGoroot() ? "" : "# ") + "export GOROOT=" + shPath(spec, spec.goLink()));
        for (Map.Entry<String, String> v : spec.goVariables().entrySet()) {
            out.add("export " + v.getKey() + "=" + shSingle(v.getValue()));
        }
        out.add("# Put DIR first in PATH, removing it from wherever else it is.");
        out.add("_gosetup_front() {");
        out.add("  _gosetup_rest=\":${PATH}:\"");
        out.add("  while :; do");
        out.add("    case \"$_gosetup_rest\" in");
        out.add("      *\":$1:\"*) _gosetup_rest=\"${_gosetup_rest%%\":$1:\"*}:${_gosetup_rest#*\":$1:\"}\" ;;");
        out.add("      *) break ;;");
        out.add("    esac");
        out.add("  done");
        out.add("  _gosetup_rest=\"${_gosetup_rest#:}\"");
        out.add("  _gosetup_rest=\"${_gosetup_rest%:}\"");
        out.add("  PATH=\"$1${_gosetup_rest:+:$_gosetup_rest}\"");
        out.add("}");
        out.add("# The go1.X.Y commands, for Go's own toolchain switching (go.mod's go and toolchain lines), after go itself.");
        out.add("_gosetup_front " + shPath(spec, spec.versionCommands()));
        out.add("_gosetup_front " + shPath(spec, spec.gopathBin()));
        out.add("_gosetup_front " + shPath(spec, spec.goBin()));
        out.add("unset -f _gosetup_front");
        out.add("unset _gosetup_rest");
        out.add("export PATH");
        String text = String.join("\n", out) + "\n";
        return spec.folderVersionSuffix().map(s -> text + FolderGoHook.sh(shPath(spec, spec.goLink().getParent()), s)).orElse(text);
    }

    public static String fish(EnvSpec spec) {
        List<String> out = new ArrayList<>(header("fish"));
        out.add("set -gx GOPATH " + fishPath(spec, spec.gopath()));
        out.add("# " + GOROOT_REASON);
        out.add((spec.setGoroot() ? "" : "# ") + "set -gx GOROOT " + fishPath(spec, spec.goLink()));
        for (Map.Entry<String, String> v : spec.goVariables().entrySet()) {
            out.add("set -gx " + v.getKey() + " " + fishSingle(v.getValue()));
        }
        out.add("for __gosetup_dir in " + fishPath(spec, spec.versionCommands()) + " " + fishPath(spec, spec.gopathBin()) + " " + fishPath(spec, spec.goBin()));
        out.add("    set -gx PATH $__gosetup_dir (string match -v -- $__gosetup_dir $PATH)");
        out.add("end");
        out.add("set -e __gosetup_dir");
        String text = String.join("\n", out) + "\n";
        return spec.folderVersionSuffix().map(s -> text + FolderGoHook.fish(fishPath(spec, spec.goLink().getParent()), s)).orElse(text);
    }

    /** PowerShell 5.1 and 7 on every OS: PATH separator and $HOME from the runtime. */
    public static String powershell(EnvSpec spec) {
        List<String> out = new ArrayList<>(header("PowerShell"));
        out.add("$env:GOPATH = " + psPath(spec, spec.gopath()));
        out.add("# " + GOROOT_REASON);
        out.add((spec.setGoroot() ? "" : "# ") + "$env:GOROOT = " + psPath(spec, spec.goLink()));
        for (Map.Entry<String, String> v : spec.goVariables().entrySet()) {
            out.add("$env:" + v.getKey() + " = " + psSingle(v.getValue()));
        }
        out.add("$__gosetupSep = [IO.Path]::PathSeparator");
        out.add("foreach ($__gosetupDir in @(" + psPath(spec, spec.versionCommands()) + ", " + psPath(spec, spec.gopathBin()) + ", " + psPath(spec, spec.goBin()) + ")) {");
        out.add("    $env:PATH = (@($__gosetupDir) + @(($env:PATH -split [regex]::Escape($__gosetupSep)) | "
                + "Where-Object { $_ -and $_ -ne $__gosetupDir })) -join $__gosetupSep");
        out.add("}");
        out.add("Remove-Variable __gosetupSep, __gosetupDir");
        String text = String.join("\r\n", out) + "\r\n"; // PowerShell files are CRLF by Windows habit; every host reads both
        return spec.folderVersionSuffix().map(s -> text + FolderGoHook.powershell(psPath(spec, spec.goLink().getParent()), s)).orElse(text);
    }

    /**
     * Whether an env script as written (perhaps by an older gosetup) puts {@code dir} on PATH: its path appears as
     * this version writes it for that shell. An older script lacks ~/sdk/bin until `gosetup env --apply` rewrites it.
     */
    public static boolean putsOnPath(String scriptText, Shell shell, EnvSpec spec, Path dir) {
        String token = switch (shell) {
            case FISH -> fishPath(spec, dir);
            case PWSH -> psPath(spec, dir);
            default -> shPath(spec, dir);
        };
        return scriptText.contains(token);
    }

    private static List<String> header(String shells) {
        return List.of("# Go environment for " + shells + ", written by Go Setup Assistant (gosetup).",
                "# Sourced by the gosetup blocks in your startup files; safe to source any number of times.",
                "# Rewritten by `gosetup env --apply`, removed by `gosetup env --undo`. Edit the settings, not this file.");
    }

    /** "$HOME/rest" or an absolute path, double-quoted for sh (only the non-$HOME part is escaped). */
    static String shPath(EnvSpec spec, Path p) {
        String rel = underHome(spec, p);
        return rel != null ? "\"$HOME" + (rel.isEmpty() ? "" : "/" + shEscape(rel)) + "\"" : "\"" + shEscape(p.toString()) + "\"";
    }

    private static String shEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }

    static String shSingle(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String fishPath(EnvSpec spec, Path p) {
        String rel = underHome(spec, p);
        String escaped = (rel != null ? rel : p.toString()).replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$");
        return rel != null ? "\"$HOME" + (rel.isEmpty() ? "" : "/" + escaped) + "\"" : "\"" + escaped + "\"";
    }

    static String fishSingle(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String psPath(EnvSpec spec, Path p) {
        String rel = underHome(spec, p);
        if (rel == null) {
            return psSingle(p.toString());
        }
        return rel.isEmpty() ? "$HOME" : "(Join-Path $HOME " + psSingle(rel) + ")";
    }

    /** PowerShell also ends a '…' string at ‘ ’ ‚ ‛ (a name typed with a typographic apostrophe): each is doubled too. */
    static String psSingle(String s) {
        return "'" + s.replaceAll("(['\u2018\u2019\u201A\u201B])", "$1$1") + "'";
    }

    /** The path below home with '/' separators, "" for home itself, or null when it is elsewhere. */
    static String underHome(EnvSpec spec, Path p) {
        Path home = spec.home().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(home)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Path part : home.relativize(abs)) {
            if (!part.toString().isEmpty()) {
                parts.add(part.toString());
            }
        }
        return String.join("/", parts);
    }
}
