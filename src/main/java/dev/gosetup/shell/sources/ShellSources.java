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
import dev.gosetup.shell.posix.ZshDotDir;
import java.nio.file.Files;
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
        boolean scripts = !os.equals("windows") || dev.gosetup.shell.windows.ExecutionPolicyReader.read().runsLocalScripts();
        ShellFiles files = new ShellFiles(os, home, withZdotdir(System.getenv(), home, os), documents, scripts);
        return new ShellSources(files, home, paths.configDir(), sdk, LoginShell.path().flatMap(Shell::parse).orElse(null));
    }

    /** Everything as if {@code home} were the home folder (--home, tests). */
    public static ShellSources forHome(Path home, Path sdkRoot) {
        String os = ShellFiles.osOf(System.getProperty("os.name", ""));
        ShellFiles files = new ShellFiles(os, home, withZdotdir(Map.of(), home, os), null);
        return new ShellSources(files, home, AppPaths.forHome(home).configDir(), sdkRoot != null ? sdkRoot : home.resolve("sdk"), null);
    }

    /**
     * The environment with ZDOTDIR as zsh itself sets it for this home (see {@link ZshDotDir}), not as this process
     * inherited it. Where zsh cannot be asked (none installed, no answer), what the process has stays.
     */
    static Map<String, String> withZdotdir(Map<String, String> env, Path home, String os) {
        if (os.equals("windows")) {
            return env;
        }
        return ZshDotDir.ask(home).map(answer -> {
            Map<String, String> out = new java.util.HashMap<>(env);
            out.remove("ZDOTDIR");
            answer.dir().ifPresent(dir -> out.put("ZDOTDIR", dir.toString()));
            return Map.copyOf(out);
        }).orElse(env);
    }

    /**
     * The Windows user environment (HKCU), or empty on other systems, and for a home that is not the signed-in
     * account's own (--home another account's folder): HKCU is that account's, so writing it would change the
     * environment of whoever runs gosetup, not of the home's user.
     */
    public java.util.Optional<WindowsUserEnvironment> windows() {
        if (!files.os().equals("windows") || !signedInAccountsHome()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new WindowsUserEnvironment(dev.gosetup.shell.windows.RegistryEnvironment.forUser(),
                dev.gosetup.shell.windows.RegistryEnvironment.forMachine(), WindowsEnvEditor.withProcessEnvironment(), scriptsDir));
    }

    /**
     * On Windows: putting the Go of {@link #sdkRoot} before a machine-wide one in the machine Path, through gosetup's
     * own launcher run elevated (one UAC prompt); empty on other systems.
     */
    public java.util.Optional<dev.gosetup.shell.MachinePathFix> machinePathFix() {
        return windows().map(user -> dev.gosetup.shell.MachinePathFix.of(user,
                WindowsUserEnvironment.machine(dev.gosetup.shell.windows.RegistryEnvironment.forMachine(),
                        WindowsEnvEditor.withProcessEnvironment(), scriptsDir),
                sdkRoot, dev.gosetup.shell.OwnLauncher.find(),
                new dev.gosetup.shell.windows.ShellExecuteElevation(java.time.Duration.ofMinutes(10))));
    }

    public EnvSetup setup() {
        return new EnvSetup(files, scriptsDir);
    }

    public EnvSpec spec(Settings settings) {
        return EnvSpec.of(settings, home, sdkRoot);
    }

    /** The shells `gosetup env` covers by default: the login shell and every shell whose files exist. */
    public Set<Shell> defaultShells() {
        Set<Shell> shells = files.shellsInUse(loginShell); // on Windows: CMD (the user environment) and PowerShell
        if (!signedInAccountsHome()) {
            shells.remove(Shell.CMD); // another account's home: its user environment is not ours to write
        }
        return shells;
    }

    /** Whether {@link #home} is the home of the account this process runs as (Windows: %USERPROFILE%). */
    boolean signedInAccountsHome() {
        Path own = dev.gosetup.settings.UserHome.current();
        try {
            return Files.isSameFile(home, own);
        } catch (java.io.IOException | RuntimeException e) {
            return home.toAbsolutePath().normalize().equals(own.toAbsolutePath().normalize());
        }
    }
}
