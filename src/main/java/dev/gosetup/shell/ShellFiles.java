package dev.gosetup.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which startup files each shell reads, per OS, and so which ones get our block
 * (facts and sources: docs/shell-environment.md).
 *
 * @param os        "mac", "linux" or "windows"
 * @param home      the home folder
 * @param env       ZDOTDIR and XDG_CONFIG_HOME are read from here
 * @param documents the Windows Documents folder (PowerShell profiles; may be redirected to OneDrive), or null
 * @param windowsPowerShellRunsScripts whether Windows PowerShell 5.1's execution policy lets a profile run (see
 *                  windows.ExecutionPolicy): where it does not, its profile is not written and the user
 *                  environment carries Go to it
 */
public record ShellFiles(String os, Path home, Map<String, String> env, Path documents, boolean windowsPowerShellRunsScripts) {

    public ShellFiles(String os, Path home, Map<String, String> env, Path documents) {
        this(os, home, env, documents, true);
    }

    public static String osOf(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") ? "mac" : os.startsWith("windows") ? "windows" : "linux";
    }

    public List<StartupTarget> targets(Shell shell) {
        List<StartupTarget> out = new ArrayList<>();
        switch (shell) {
            case ZSH -> {
                Path zdot = dir("ZDOTDIR", home);
                // .zprofile runs after macOS's path_helper (/etc/zprofile); .zshrc covers non-login interactive shells.
                out.add(new StartupTarget(shell, zdot.resolve(".zprofile"), BlockEditor.Placement.END_OF_FILE, false, "env.why.zprofile"));
                out.add(new StartupTarget(shell, zdot.resolve(".zshrc"), BlockEditor.Placement.END_OF_FILE, false, "env.why.zshrc"));
            }
            case BASH -> {
                if (os.equals("mac")) {
                    // Terminal.app opens login shells, which read the first of .bash_profile, .bash_login and .profile
                    // and not .bashrc. Making a .bash_profile where there is none would switch off an existing .profile.
                    out.add(new StartupTarget(shell, loginFile(), BlockEditor.Placement.END_OF_FILE, false, "env.why.bashProfileMac"));
                } else {
                    out.add(new StartupTarget(shell, home.resolve(".bashrc"), BlockEditor.Placement.BEFORE_INTERACTIVE_GUARD, false, "env.why.bashrc"));
                    out.add(new StartupTarget(shell, loginFile(), BlockEditor.Placement.END_OF_FILE, false,
                            loginFile().getFileName().toString().equals(".profile") ? "env.why.profile" : "env.why.bashProfile"));
                }
            }
            case FISH -> out.add(new StartupTarget(shell, dir("XDG_CONFIG_HOME", home.resolve(".config")).resolve("fish/conf.d/gosetup.fish"),
                    BlockEditor.Placement.END_OF_FILE, true, "env.why.fish"));
            case PWSH -> {
                if (os.equals("windows")) {
                    Path docs = documents != null ? documents : home.resolve("Documents");
                    out.add(new StartupTarget(shell, docs.resolve("PowerShell/profile.ps1"), BlockEditor.Placement.END_OF_FILE, false, "env.why.pwsh"));
                    if (windowsPowerShellRunsScripts) { // else "running scripts is disabled" in every 5.1 window, and no Go
                        out.add(new StartupTarget(shell, docs.resolve("WindowsPowerShell/profile.ps1"), BlockEditor.Placement.END_OF_FILE, false, "env.why.windowsPowershell"));
                    }
                } else {
                    out.add(new StartupTarget(shell, dir("XDG_CONFIG_HOME", home.resolve(".config")).resolve("powershell/profile.ps1"),
                            BlockEditor.Placement.END_OF_FILE, false, "env.why.pwsh"));
                }
            }
            case CMD -> { } // the Windows user environment: not a file
        }
        return out;
    }

    /** bash's login file: .bash_profile if it exists (it hides .profile), else .bash_login, else .profile. */
    Path loginFile() {
        for (String name : List.of(".bash_profile", ".bash_login")) {
            if (Files.exists(home.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return home.resolve(name);
            }
        }
        return home.resolve(".profile");
    }

    /** The login shell plus every shell whose files already exist: what `gosetup env` covers by default. */
    public Set<Shell> shellsInUse(Shell loginShell) {
        Set<Shell> in = EnumSet.noneOf(Shell.class);
        if (loginShell != null) {
            in.add(loginShell);
        }
        Path zdot = dir("ZDOTDIR", home);
        if (exists(zdot.resolve(".zshrc"), zdot.resolve(".zprofile"), zdot.resolve(".zshenv"))) {
            in.add(Shell.ZSH);
        }
        if (exists(home.resolve(".bashrc"), home.resolve(".bash_profile"), home.resolve(".bash_login"))) {
            in.add(Shell.BASH);
        }
        Path config = dir("XDG_CONFIG_HOME", home.resolve(".config"));
        if (exists(config.resolve("fish"))) {
            in.add(Shell.FISH);
        }
        if (os.equals("windows")) {
            in.add(Shell.CMD);
            in.add(Shell.PWSH); // Windows PowerShell 5.1 is on every Windows
        } else if (exists(config.resolve("powershell"))) {
            in.add(Shell.PWSH);
        }
        if (in.isEmpty()) {
            in.add(os.equals("mac") ? Shell.ZSH : Shell.BASH);
        }
        return in;
    }

    /** Where zsh reads its files: $ZDOTDIR, else home. */
    Path zdotdir() {
        return dir("ZDOTDIR", home);
    }

    /** $XDG_CONFIG_HOME, else ~/.config: fish's and PowerShell's folders are under it. */
    Path configDir() {
        return dir("XDG_CONFIG_HOME", home.resolve(".config"));
    }

    private Path dir(String var, Path fallback) {
        String v = env.get(var);
        return v != null && !v.isBlank() ? Path.of(v) : fallback;
    }

    private static boolean exists(Path... paths) {
        for (Path p : paths) {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }
}
