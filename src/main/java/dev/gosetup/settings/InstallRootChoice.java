package dev.gosetup.settings;

import java.nio.file.Path;

/**
 * The install root a run uses when no --sdk-root is given. Root on a managed machine installs for every
 * account, as {@code env --system} points every account at: the policy's sdkRoot, else /usr/local/sdk —
 * never /root/sdk, which no other account can read.
 */
public final class InstallRootChoice {
    /** Where root installs on a managed machine whose policy names no sdkRoot. */
    public static final Path SYSTEM_DEFAULT = Path.of("/usr/local/sdk");

    private InstallRootChoice() {}

    /**
     * @param asRoot   whether the process runs as uid 0
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
            return managed.managed(PolicySetting.SDK_ROOT) ? Path.of(settings.sdkRoot()) : SYSTEM_DEFAULT;
        }
        if (settings.sdkRoot() != null && (ownHome || managed.managed(PolicySetting.SDK_ROOT))) {
            return Path.of(settings.sdkRoot());
        }
        return home.resolve("sdk");
    }
}
