package dev.gosetup.settings;

import java.nio.file.Path;

/**
 * The install root a run uses when no --sdk-root is given. The machine's account (root; SYSTEM on Windows)
 * on a managed machine installs for every account, as {@code env --system} points every account at: the
 * policy's sdkRoot, else /usr/local/sdk (%ProgramData%\gosetup\sdk on Windows) — never /root/sdk or
 * SYSTEM's profile, which no other account can read.
 */
public final class InstallRootChoice {
    /** Where root installs on a managed Linux or macOS machine whose policy names no sdkRoot. */
    public static final Path SYSTEM_DEFAULT = Path.of("/usr/local/sdk");

    /** Where the machine's account installs on a managed machine whose policy names no sdkRoot. */
    public static Path systemDefault(String osName, java.util.Map<String, String> env) {
        if (osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            // Every account can read ProgramData; SYSTEM's own profile is closed to them.
            String programData = env.getOrDefault("ProgramData", env.getOrDefault("PROGRAMDATA", "C:\\ProgramData"));
            return Path.of(programData, "gosetup", "sdk");
        }
        return SYSTEM_DEFAULT;
    }

    private InstallRootChoice() {}

    /**
     * @param asRoot   whether the process acts for the machine (root; SYSTEM on Windows)
     * @param managed  the policy in use
     * @param settings the settings that apply (the policy's over the user's)
     * @param home     the home folder of this run (--home or the user's)
     */
    public static Path choose(boolean asRoot, ManagedSettings managed, Settings settings, Path home) {
        return choose(asRoot, managed, settings, home, false);
    }

    /**
     * @param ownHome whether {@code home} is the user's own (the window; the CLI without --home): then the
     *                user's saved install root counts too. Under --home it belongs to another home, and only
     *                the policy's applies.
     */
    public static Path choose(boolean asRoot, ManagedSettings managed, Settings settings, Path home, boolean ownHome) {
        if (asRoot && managed.active()) {
            return managed.managed(PolicySetting.SDK_ROOT) ? Path.of(settings.sdkRoot())
                    : systemDefault(System.getProperty("os.name", ""), System.getenv());
        }
        if (settings.sdkRoot() != null && (ownHome || managed.managed(PolicySetting.SDK_ROOT))) {
            return Path.of(settings.sdkRoot());
        }
        return home.resolve("sdk");
    }
}
