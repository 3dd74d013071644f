package dev.gosetup.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every OS-dependent folder of the app, in one place. Each can be overridden with a system property
 * (installers and tests set them): gosetup.config.dir, gosetup.log.dir, gosetup.cache.dir.
 */
public record AppPaths(Path configDir, Path logDir, Path cacheDir) {

    /** Folders under one place (tests, portable use): the cache sits inside the config folder. */
    public AppPaths(Path configDir, Path logDir) {
        this(configDir, logDir, configDir.resolve("cache"));
    }

    public static AppPaths forThisMachine() {
        return of(System.getProperty("os.name", ""), UserHome.current(),
                folderVariables(dev.gosetup.files.ProcessUser.isRoot(), System.getenv()),
                System.getProperty("gosetup.config.dir"), System.getProperty("gosetup.log.dir"),
                System.getProperty("gosetup.cache.dir"));
    }

    /**
     * The environment the folders are read from. Root's are root's own (under its home, which Java takes
     * from the account, not from $HOME): {@code sudo -E} keeps the invoking user's XDG_CONFIG_HOME, which
     * would make root read that user's settings (their CA files, their release list) and write root's log
     * and cache into that user's folders.
     */
    static Map<String, String> folderVariables(boolean root, Map<String, String> env) {
        return root ? Map.of() : env;
    }

    /** The folders another home would have (gosetup --home DIR): no environment variables, no overrides. */
    public static AppPaths forHome(Path home) {
        return of(System.getProperty("os.name", ""), home, Map.of(), null, null, null);
    }

    static AppPaths of(String osName, Path home, Map<String, String> env, String configOverride, String logOverride) {
        return of(osName, home, env, configOverride, logOverride, null);
    }

    static AppPaths of(String osName, Path home, Map<String, String> env, String configOverride, String logOverride,
                       String cacheOverride) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        Path logs;
        Path cache;
        if (os.startsWith("mac")) {
            config = home.resolve("Library/Application Support/gosetup");
            logs = home.resolve("Library/Logs/gosetup");
            cache = home.resolve("Library/Caches/gosetup");
        } else if (os.startsWith("windows")) {
            Path appData = envPath(env, "APPDATA").orElse(home.resolve("AppData/Roaming"));
            Path localAppData = envPath(env, "LOCALAPPDATA").orElse(home.resolve("AppData/Local"));
            config = appData.resolve("gosetup");
            logs = localAppData.resolve("gosetup").resolve("logs");
            cache = localAppData.resolve("gosetup").resolve("cache");
        } else {
            config = envPath(env, "XDG_CONFIG_HOME").orElse(home.resolve(".config")).resolve("gosetup");
            logs = envPath(env, "XDG_STATE_HOME").orElse(home.resolve(".local/state")).resolve("gosetup");
            cache = envPath(env, "XDG_CACHE_HOME").orElse(home.resolve(".cache")).resolve("gosetup");
        }
        return new AppPaths(configOverride != null ? Path.of(configOverride) : config,
                logOverride != null ? Path.of(logOverride) : logs,
                cacheOverride != null ? Path.of(cacheOverride) : cache);
    }

    /** XDG says relative values are invalid and must be ignored. */
    private static Optional<Path> envPath(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank()).map(Path::of).filter(Path::isAbsolute);
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }
}
