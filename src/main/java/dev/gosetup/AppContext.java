package dev.gosetup;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.logging.LogSetup;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import dev.gosetup.settings.SettingsStore;
import java.nio.file.Path;

/** What both faces share for one run: folders, the log file, settings and the language. */
public final class AppContext {
    private final AppPaths paths;
    private final SettingsStore settingsStore;
    private final Path logFile;
    private volatile Settings settings;
    private volatile Messages messages;

    private AppContext(AppPaths paths, Path logFile) {
        this.paths = paths;
        this.logFile = logFile;
        this.settingsStore = new SettingsStore(paths.settingsFile());
        this.settings = settingsStore.load();
        this.messages = Messages.of(Language.fromTag(settings.language()));
    }

    /** A context over given folders, without touching the logging setup (tests, embedding). */
    public static AppContext of(AppPaths paths, Path logFile) {
        return new AppContext(paths, logFile);
    }

    /** Sets up logging and reads the settings. */
    public static AppContext start() {
        AppPaths paths = AppPaths.forThisMachine();
        return new AppContext(paths, LogSetup.configure(paths.logDir()));
    }

    public AppPaths paths() {
        return paths;
    }

    public Path logFile() {
        return logFile;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public Settings settings() {
        return settings;
    }

    public Messages messages() {
        return messages;
    }

    /** Takes new settings for the rest of this run (the caller saves them). */
    public void apply(Settings newSettings) {
        this.settings = newSettings;
        this.messages = Messages.of(Language.fromTag(newSettings.language()));
    }

    /** A language for this run only (the --lang option), not saved. */
    public void useLanguage(Language language) {
        this.messages = Messages.of(language);
    }
}
