package dev.gosetup.project;

import dev.gosetup.install.SdkRoot;
import dev.gosetup.inventory.StartupPathGo;
import dev.gosetup.release.GoVersion;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.FolderGoHook;
import dev.gosetup.shell.sources.ShellSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "which Go does this project need and which runs there" for this user: the project's files, the go a new
 * terminal starts (from the startup files, as {@link StartupPathGo} tells it), the GOTOOLCHAIN it will see
 * (gosetup's setting when its env block runs, else the environment, then {@code go env -w}, then go.env), and
 * the versions in the install root. Reads only; runs no go.
 */
public final class ProjectLookup {
    private final SdkRoot sdk;
    private final StartupPathGo newTerminal;
    private final Settings settings;
    private final Map<String, String> env;
    private final Path configDir;
    private final boolean folderHookInScript;

    public ProjectLookup(SdkRoot sdk, StartupPathGo newTerminal, Settings settings, Map<String, String> env, Path configDir) {
        this(sdk, newTerminal, settings, env, configDir, false);
    }

    /** @param folderHookInScript whether the env script a new login shell sources holds the per-folder Go */
    public ProjectLookup(SdkRoot sdk, StartupPathGo newTerminal, Settings settings, Map<String, String> env, Path configDir,
                         boolean folderHookInScript) {
        this.sdk = sdk;
        this.newTerminal = newTerminal;
        this.settings = settings;
        this.env = Map.copyOf(env);
        this.configDir = configDir;
        this.folderHookInScript = folderHookInScript;
    }

    /** For this user: their shells, settings and environment. */
    public static ProjectLookup of(ShellSources shells, Settings settings, Map<String, String> env) {
        String os = shells.files().os();
        return new ProjectLookup(new SdkRoot(shells.sdkRoot()), StartupPathGo.of(shells, settings), settings, env,
                Gotoolchain.userConfigDir(os, env, shells.home()), StartupPathGo.folderHookInScript(shells));
    }

    public ProjectReport report(Path dir) throws IOException {
        List<GoVersion> installed = sdk.installed();
        ProjectFiles files = ProjectFiles.read(dir, env);
        Optional<ProjectReport.StartGo> start = newTerminal.go().map(go -> new ProjectReport.StartGo(go, versionOf(go)));
        Path goroot = start.map(s -> gorootOf(s.binary())).orElse(null);
        String ours = newTerminal.ourEnvironmentRuns() ? settings.goEnv().get("GOTOOLCHAIN") : null;
        Gotoolchain gotoolchain = Gotoolchain.resolve(ours, env, configDir, goroot);
        ProjectExplainer explainer = new ProjectExplainer(sdk.path(), installed, newTerminal::command);
        ProjectReport.FolderHook hook = folderHook();
        if (hook == ProjectReport.FolderHook.ON) {
            // the hook exports GOTOOLCHAIN=go1.X.Y+path in this folder: it comes before everything else go reads
            String suffix = FolderGoHook.suffix(settings.goEnv().get("GOTOOLCHAIN")).orElseThrow();
            Optional<Request> request = explainer.folderHookRequest(files);
            Optional<String> toolchain = request.flatMap(explainer::folderHookToolchain);
            if (toolchain.isPresent()) {
                gotoolchain = new Gotoolchain(toolchain.get() + suffix, Gotoolchain.Where.FOLDER_HOOK, request.get().file());
            }
        }
        ProjectReport report = explainer.explain(files, gotoolchain, start).withFolderHook(hook);
        // An env script from before the go1.X.Y commands: go cannot find them until `gosetup env --apply` rewrites it.
        return newTerminal.ourEnvironmentRuns() && !newTerminal.versionCommandsOnPath() ? report.withAdvice("project.advice.envOutdated") : report;
    }

    private ProjectReport.FolderHook folderHook() {
        // on Windows no env script of ours runs in the terminal this report is about (cmd): only PowerShell's has the hook
        boolean windows = newTerminal.windows();
        if (!settings.folderVersions() || !windows && !newTerminal.ourEnvironmentRuns()) {
            return ProjectReport.FolderHook.OFF;
        }
        if (FolderGoHook.suffix(settings.goEnv().get("GOTOOLCHAIN")).isEmpty()) {
            return ProjectReport.FolderHook.LEFT_OUT;
        }
        if (!folderHookInScript) {
            return ProjectReport.FolderHook.OFF;
        }
        return windows ? ProjectReport.FolderHook.POWERSHELL_ONLY : ProjectReport.FolderHook.ON;
    }

    /** GOROOT of a go binary: the folder above its bin, through links (as the go command finds it). */
    static Path gorootOf(Path go) {
        try {
            return go.toRealPath().getParent().getParent();
        } catch (IOException | NullPointerException e) {
            return go.toAbsolutePath().getParent().getParent();
        }
    }

    /** The version in GOROOT/VERSION's first line ("go1.21.13" → "1.21.13"), "" when unreadable. */
    static String versionOf(Path go) {
        Path root = gorootOf(go);
        if (root == null) {
            return "";
        }
        try {
            Path file = root.resolve("VERSION");
            if (Files.isRegularFile(file) && Files.size(file) < 4096) {
                String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                String v = GoVersions.fromToolchain(first);
                return v;
            }
        } catch (IOException e) {
            // unreadable: unknown
        }
        return "";
    }
}
