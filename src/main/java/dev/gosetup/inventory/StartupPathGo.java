package dev.gosetup.inventory;

import dev.gosetup.settings.Settings;
import dev.gosetup.shell.BlockEditor;
import dev.gosetup.shell.StartupFiles;
import dev.gosetup.shell.DamagedBlockException;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.StartupTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import dev.gosetup.files.PathList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which go a new terminal runs, told from files without starting a shell: the PATH a login shell starts
 * with (/etc/environment on Linux; /etc/paths and /etc/paths.d as macOS's path_helper builds it), with the
 * folders our env script puts first when the login shell's startup file holds our block and the script is
 * there, then this process's own PATH for what the user's startup files add (on Windows only that). It cannot
 * see a later line that rebuilds PATH: starting the real shell can, and may take its place.
 *
 * @param fsRoot      "/" on a real machine; a folder in tests (absolute system entries are resolved under it)
 * @param front       the folders our block puts first (~/sdk/go/bin, GOPATH/bin); empty without our block
 * @param systemPath  the PATH a login shell starts with
 * @param processPath this process's PATH entries
 */
public record StartupPathGo(Path fsRoot, boolean windows, List<Path> front, List<String> systemPath, List<String> processPath)
        implements NewTerminalGo {
    private static final Pattern ENVIRONMENT_PATH = Pattern.compile("^\\s*PATH\\s*=\\s*\"?([^\"\\n]*)\"?\\s*$", Pattern.MULTILINE);
    private static final String LINUX_DEFAULT = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String MAC_DEFAULT = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";

    /** For this user on this machine. */
    public static StartupPathGo of(ShellSources shells, Settings settings) {
        return of(shells, settings, Path.of("/"), System.getenv());
    }

    static StartupPathGo of(ShellSources shells, Settings settings, Path fsRoot, Map<String, String> env) {
        String os = shells.files().os();
        boolean windows = os.equals("windows");
        String path = env.getOrDefault(windows ? "Path" : "PATH", env.getOrDefault("PATH", ""));
        List<String> process = PathList.parse(path, windows).names();
        if (windows) {
            return new StartupPathGo(fsRoot, true, List.of(), List.of(), process);
        }
        EnvSpec spec = shells.spec(settings);
        List<Path> front = !ourBlockRuns(shells) ? List.of() : versionCommandsOnPath(shells, spec)
                ? List.of(spec.goBin(), spec.gopathBin(), spec.versionCommands()) : List.of(spec.goBin(), spec.gopathBin());
        return new StartupPathGo(fsRoot, false, front, systemPath(fsRoot, os), process);
    }

    @Override
    public Optional<Path> go() {
        return command("go");
    }

    /**
     * Where a new terminal finds the command {@code name} (e.g. go1.22.12, as go's toolchain switching looks it
     * up): the same folders in the same order as {@link #go()}; on Windows with .exe, .cmd or .bat as PATHEXT has.
     */
    public Optional<Path> command(String name) {
        for (Path dir : front) {
            Optional<Path> found = commandIn(dir, name);
            if (found.isPresent()) {
                return found;
            }
        }
        for (List<String> path : List.of(systemPath, processPath)) {
            for (String entry : path) {
                if (!entry.isBlank()) {
                    Optional<Path> found = commandIn(entry.startsWith("/") ? fsRoot.resolve(entry.substring(1)) : Path.of(entry), name);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the env script of the login shell puts the go1.X.Y commands' folder on PATH (one from before them does not). */
    static boolean versionCommandsOnPath(ShellSources shells, EnvSpec spec) {
        Shell login = loginShell(shells);
        return loginScript(shells).map(t -> dev.gosetup.shell.EnvScripts.putsOnPath(t, login, spec, spec.versionCommands())).orElse(false);
    }

    /**
     * Whether the env script a new login shell sources holds gosetup's per-folder Go (shell/FolderGoHook). On Windows
     * that is PowerShell's: cmd windows read the user environment, which has no per-folder anything.
     */
    public static boolean folderHookInScript(ShellSources shells) {
        Shell shell = shells.files().os().equals("windows") ? Shell.PWSH : loginShell(shells);
        return script(shells, shell).map(dev.gosetup.shell.FolderGoHook::writtenIn).orElse(false);
    }

    /** The env script a new login shell sources, when it is a regular file under 1 MiB (never a FIFO that would block). */
    private static java.util.Optional<String> loginScript(ShellSources shells) {
        return script(shells, loginShell(shells));
    }

    private static java.util.Optional<String> script(ShellSources shells, Shell shell) {
        try {
            Path script = shells.scriptsDir().resolve(scriptName(shell));
            return Files.isRegularFile(script) && Files.size(script) < 1 << 20
                    ? java.util.Optional.of(Files.readString(script, StandardCharsets.UTF_8)) : java.util.Optional.empty();
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the go1.X.Y commands' folder is on a new terminal's PATH through gosetup's env script. */
    public boolean versionCommandsOnPath() {
        return front.size() > 2;
    }

    /** Whether gosetup's env block runs in a new login shell (its folders are then first on PATH). */
    public boolean ourEnvironmentRuns() {
        return !front.isEmpty();
    }

    private Optional<Path> commandIn(Path dir, String name) {
        try {
            for (String ext : windows ? List.of(".exe", ".cmd", ".bat") : List.of("")) {
                Path p = dir.resolve(name + ext);
                if (Files.isRegularFile(p) && (windows || Files.isExecutable(p))) {
                    return Optional.of(p);
                }
            }
        } catch (java.nio.file.InvalidPathException notAPath) {
            // a PATH entry that is no path on this system
        }
        return Optional.empty();
    }

    /**
     * Whether a login shell of the user's runs our env script: its startup file holds our block (the login
     * shell's, or bash/zsh on Linux/macOS when unknown) and the script the block sources exists.
     */
    static boolean ourBlockRuns(ShellSources shells) {
        Shell login = loginShell(shells);
        String script = scriptName(login);
        if (!Files.isRegularFile(shells.scriptsDir().resolve(script))) {
            return false;
        }
        for (StartupTarget t : shells.files().targets(login)) {
            try {
                // Bounded, as env and doctor read them: a FIFO is never opened, a file over 1 MiB never read whole.
                byte[] content = StartupFiles.inspect(t.path()).content();
                if (content != null && BlockEditor.hasBlock(content)) {
                    return true;
                }
            } catch (IOException e) {
                // unreadable or damaged: the shell may not run it either
            }
        }
        return false;
    }

    private static Shell loginShell(ShellSources shells) {
        return shells.loginShell() != null ? shells.loginShell() : shells.files().os().equals("mac") ? Shell.ZSH : Shell.BASH;
    }

    private static String scriptName(Shell login) {
        return switch (login) {
            case FISH -> "env.fish";
            case PWSH -> "env.ps1";
            default -> "env.sh";
        };
    }

    /** The PATH a login shell starts with, before any startup file of the user's. */
    static List<String> systemPath(Path fsRoot, String os) {
        if (os.equals("mac")) {
            List<String> out = new ArrayList<>(lines(fsRoot.resolve("etc/paths")));
            Path pathsD = fsRoot.resolve("etc/paths.d");
            if (Files.isDirectory(pathsD)) {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> s = Files.newDirectoryStream(pathsD)) {
                    s.forEach(files::add);
                } catch (IOException e) {
                    // none readable
                }
                files.sort(null);
                files.forEach(f -> out.addAll(lines(f)));
            }
            return out.isEmpty() ? List.of(MAC_DEFAULT.split(":")) : out;
        }
        try {
            Matcher m = ENVIRONMENT_PATH.matcher(StartupFiles.text(fsRoot.resolve("etc/environment"), StandardCharsets.UTF_8).orElse(""));
            if (m.find() && !m.group(1).isBlank()) {
                return List.of(m.group(1).strip().split(":"));
            }
        } catch (IOException e) {
            // no /etc/environment: the shells' built-in default
        }
        return List.of(LINUX_DEFAULT.split(":"));
    }

    private static List<String> lines(Path file) {
        try {
            return StartupFiles.text(file, StandardCharsets.UTF_8).orElse("").lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
