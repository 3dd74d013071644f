package dev.gosetup.shell.sources;

import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.EnvSetup;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.WindowsEnvEditor;
import dev.gosetup.shell.WindowsUserEnvironment;
import dev.gosetup.shell.posix.LoginShell;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Whose shells and where: one place for the window and the command line to get the same answer. It lives
 * outside {@code shell} because it picks the OS's implementations (shell.windows, shell.posix) of the seams
 * that {@code shell} owns, so that shell never imports its own sub-packages.
 *
 * @param home       the home folder the shells will have
 * @param scriptsDir where our env scripts go (the app's config folder)
 * @param sdkRoot    the install root whose {@code go} link the PATH points at
 * @param loginShell the account's login shell, or null when unknown
 */
public record ShellSources(ShellFiles files, Path home, Path scriptsDir, Path sdkRoot, Shell loginShell) {

    public static ShellSources forThisUser(Settings settings, AppPaths paths) {
        Path home = dev.gosetup.settings.UserHome.current();
        Path sdk = settings.sdkRoot() != null ? Path.of(settings.sdkRoot()) : home.resolve("sdk");
        String os = ShellFiles.osOf(System.getProperty("os.name", ""));
        Path documents = os.equals("windows") ? dev.gosetup.shell.windows.DocumentsFolder.path().orElse(null) : null;
        ShellFiles files = new ShellFiles(os, home, System.getenv(), documents);
        return new ShellSources(files, home, paths.configDir(), sdk, LoginShell.path().flatMap(Shell::parse).orElse(null));
    }

    /** Everything as if {@code home} were the home folder (--home, tests). */
    public static ShellSources forHome(Path home, Path sdkRoot) {
        ShellFiles files = new ShellFiles(ShellFiles.osOf(System.getProperty("os.name", "")), home, Map.of(), null);
        return new ShellSources(files, home, AppPaths.forHome(home).configDir(), sdkRoot != null ? sdkRoot : home.resolve("sdk"), null);
    }

    /** The Windows user environment (HKCU), or empty on other systems. */
    public java.util.Optional<WindowsUserEnvironment> windows() {
        if (!files.os().equals("windows")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new WindowsUserEnvironment(dev.gosetup.shell.windows.RegistryEnvironment.forUser(),
                WindowsEnvEditor.withProcessEnvironment(), scriptsDir));
    }

    public EnvSetup setup() {
        return new EnvSetup(files, scriptsDir);
    }

    public EnvSpec spec(Settings settings) {
        return EnvSpec.of(settings, home, sdkRoot);
    }

    /** The shells `gosetup env` covers by default: the login shell and every shell whose files exist. */
    public Set<Shell> defaultShells() {
        return files.shellsInUse(loginShell); // on Windows: CMD (the user environment) and PowerShell
    }
}
