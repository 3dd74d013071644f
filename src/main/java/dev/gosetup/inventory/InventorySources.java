package dev.gosetup.inventory;

import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the inventory for this user from the settings: one place for the window and the command line.
 *
 * @param fsRoot "/" on a real machine; a folder in tests
 * @param env    PATH, GOMODCACHE, GOPATH are read from here
 * @param newTerminal which go new terminals run, or null when not asked
 */
public record InventorySources(Path fsRoot, Path home, Path sdkRoot, Path cacheDir, String releaseList, Map<String, String> env,
                               NewTerminalGo newTerminal) {

    public InventorySources(Path fsRoot, Path home, Path sdkRoot, Path cacheDir, String releaseList, Map<String, String> env) {
        this(fsRoot, home, sdkRoot, cacheDir, releaseList, env, null);
    }

    public InventorySources(Path home, Path sdkRoot, Path cacheDir, String releaseList) {
        this(Path.of("/"), home, sdkRoot, cacheDir, releaseList, System.getenv());
    }

    /** The same, also telling which go new terminals run (null: not told). */
    public InventorySources withNewTerminal(NewTerminalGo go) {
        return new InventorySources(fsRoot, home, sdkRoot, cacheDir, releaseList, env, go);
    }

    /** @param sdkRoot the install root this user's installs go to ({@code AppContext.installRoot()}) */
    public static InventorySources forThisUser(Settings settings, AppPaths paths, Path sdkRoot) {
        return new InventorySources(dev.gosetup.settings.UserHome.current(), sdkRoot, paths.cacheDir(), settings.releaseList());
    }

    /** @param hostArch the native CPU's Go arch, for the amd64-on-arm64 warning */
    public Inventory inventory(String hostArch) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        var releases = new ReleaseCatalog(() -> null, dev.gosetup.fetch.FetchPolicy.defaults(), cacheDir).cachedOnly(releaseList).orElse(null);
        String os = windows ? "windows" : System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        return new Inventory(fsRoot, home, env, sdkRoot, windows, hostArch, releases, sizes(), hostArch == null ? null : os + "-" + hostArch,
                newTerminal);
    }

    public SizeCache sizes() {
        return new SizeCache(cacheDir.resolve("sizes.json"));
    }
}
