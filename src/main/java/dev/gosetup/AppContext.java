package dev.gosetup;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.SystemLocale;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.logging.LogSetup;
import dev.gosetup.secrets.Redaction;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.InstallRootChoice;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.PolicyException;
import dev.gosetup.settings.PolicyLocation;
import dev.gosetup.settings.PolicyProblem;
import dev.gosetup.settings.PolicyReader;
import dev.gosetup.settings.Settings;
import dev.gosetup.settings.SettingsStore;
import dev.gosetup.settings.UserHome;
import dev.gosetup.files.ProcessUser;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What both faces share for one run: folders, the log file, the organisation's policy, settings and the
 * language. {@link #settings()} is what applies (the policy over the user's own); a broken policy is kept
 * as {@link #policyError()}, never replaced by unmanaged defaults.
 */
public final class AppContext {
    private static final Logger LOG = Logger.getLogger(AppContext.class.getName());
    private volatile AppPaths paths;
    private volatile SettingsStore settingsStore;
    private volatile Path logFile;
    /** The home this run works on: $HOME (UserHome), or --home's folder once {@link #useHome} moved it. */
    private volatile Path home = UserHome.current();
    /** Logging was set up by {@link #start}: it follows --home (a context for tests or embedding leaves it alone). */
    private volatile boolean ownsLogging;
    /** --lang chose the language for this run: another home's saved language does not replace it. */
    private volatile boolean languageForced;
    private volatile Settings saved;
    private volatile ManagedSettings managed = ManagedSettings.NONE;
    private volatile PolicyException policyError;
    private volatile Messages messages;
    private final java.util.List<java.util.function.Consumer<Settings>> sourcesListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private AppContext(AppPaths paths, Path logFile) {
        this.paths = paths;
        this.logFile = logFile;
        this.settingsStore = new SettingsStore(paths.settingsFile());
        this.saved = settingsStore.load();
        this.messages = messagesIn(Language.fromTag(saved.language()));
    }

    /** A context over given folders, without touching the logging setup or reading a policy (tests, embedding). */
    public static AppContext of(AppPaths paths, Path logFile) {
        return new AppContext(paths, logFile);
    }

    /** The same, for a run whose $HOME is {@code home} (tests of what happens in someone else's home). */
    public static AppContext of(AppPaths paths, Path logFile, Path home) {
        AppContext context = new AppContext(paths, logFile);
        context.home = home.toAbsolutePath().normalize();
        return context;
    }

    /** Sets up logging, reads the settings and the policy (the installer's or the OS location's). */
    public static AppContext start() {
        return start(null);
    }

    /**
     * @param otherHome --home's folder, found before the command line is parsed so that not even the log is
     *                  written to the real account; null for this user's own home
     */
    public static AppContext start(Path otherHome) {
        // The OS's preferred languages (macOS, Windows) decide "system" before the first words are made.
        SystemLocale.useOsPreferredLanguages(() -> ThisMachine.nativeCalls().preferredLanguages());
        AppPaths paths = otherHome != null ? AppPaths.forHome(otherHome) : AppPaths.forThisMachine();
        AppContext context = new AppContext(paths, LogSetup.configure(paths.logDir()));
        context.ownsLogging = true;
        if (otherHome != null) {
            context.home = otherHome.toAbsolutePath().normalize();
        }
        // The first line of each session: a support request's log says which build on which system did what follows.
        LOG.info("Session started: Go Setup Assistant " + version() + ", Java " + System.getProperty("java.version") + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch")
                + "); settings " + paths.settingsFile());
        PolicyLocation.forThisMachine().ifPresent(found -> context.usePolicy(found.file()));
        return context;
    }

    /** This build's version, from the module ("dev" when run from classes). */
    static String version() {
        ModuleDescriptor d = AppContext.class.getModule().getDescriptor();
        return d == null ? "dev" : d.rawVersion().orElse("dev");
    }

    /**
     * Reads the policy in {@code file} for this run (--policy, the installer's file, or tests). A broken file
     * is kept as {@link #policyError()} and no policy applies meanwhile, which the faces refuse to work with.
     */
    public void usePolicy(Path file) {
        try {
            ManagedSettings read = PolicyReader.read(file, home);
            read.warnings().forEach(w -> LOG.warning("Policy: " + w.english()));
            LOG.info("Policy in use: " + file + " sets " + read.managedSettings());
            managed = read;
            policyError = null;
        } catch (PolicyException e) {
            LOG.log(Level.WARNING, "Policy cannot be used: " + e.getMessage());
            managed = ManagedSettings.NONE;
            policyError = e;
        }
    }

    /**
     * Where this user's Go versions go when nothing names another root: the same rule as the command line
     * without --home (the saved or the policy's root; root on a managed machine: the system-wide one).
     */
    public Path installRoot() {
        return InstallRootChoice.choose(ProcessUser.isMachineAccount(), managed, settings(), home, true);
    }

    /** The home folder this run works on (see {@link UserHome}; --home moves it). */
    public Path home() {
        return home;
    }

    /**
     * --home DIR: from now on this run reads and writes only under DIR — its settings, logs and cache
     * folders as that home's own (no XDG variables of this process), never the running account's.
     */
    public synchronized void useHome(Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        if (normal.equals(home) && paths.equals(AppPaths.forHome(normal))) {
            return;
        }
        home = normal;
        paths = AppPaths.forHome(normal);
        settingsStore = new SettingsStore(paths.settingsFile());
        saved = settingsStore.load();
        if (!languageForced) {
            messages = messagesIn(Language.fromTag(saved.language()));
        }
        if (ownsLogging) {
            logFile = LogSetup.configure(paths.logDir());
        }
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

    /** The settings that apply: the policy's over the user's own. */
    public Settings settings() {
        return managed.over(saved);
    }

    /** The user's own settings, as saved (without the policy). */
    public Settings savedSettings() {
        return saved;
    }

    /** The policy that applies, or {@link ManagedSettings#NONE}. */
    public ManagedSettings managed() {
        return managed;
    }

    /** Why the policy file cannot be used, when it cannot. */
    public Optional<PolicyException> policyError() {
        return Optional.ofNullable(policyError);
    }

    /** Warnings about the policy in use (unknown fields). */
    public java.util.List<PolicyProblem> policyWarnings() {
        return managed.warnings();
    }

    public Messages messages() {
        return messages;
    }

    /**
     * Takes settings a face built from {@link #settings()} for the rest of this run; the user's own part is
     * what {@link #save()} writes (the policy's values are not copied into the user's file).
     */
    public void apply(Settings newSettings) {
        Settings before = settings();
        this.saved = managed.forSaving(newSettings, saved);
        // Only a change of the language setting changes the words: saving other settings keeps --lang's choice
        // (env --apply saves GOPATH) and a test's pseudo-locale.
        if (!java.util.Objects.equals(newSettings.language(), before.language())) {
            this.messages = messagesIn(Language.fromTag(newSettings.language()));
        }
        Settings now = settings();
        if (!now.sameSources(before)) {
            sourcesListeners.forEach(l -> l.accept(now));
        }
    }

    /**
     * Tells {@code listener} each time {@link #apply} changes where Go comes from (release list, file mirror,
     * plain-HTTP hosts, proxy, CA certificates): the release list shown must then be loaded again. It is
     * called on the thread that applied the settings (the FX thread in the window).
     *
     * @return stops the telling (a page that is replaced must not keep listening)
     */
    public Runnable onSourcesChanged(java.util.function.Consumer<Settings> listener) {
        sourcesListeners.add(listener);
        return () -> sourcesListeners.remove(listener);
    }

    /** Writes the user's own settings. */
    public void save() throws IOException {
        settingsStore.save(saved);
    }

    /** A language for this run only (the --lang option), not saved. */
    public void useLanguage(Language language) {
        this.languageForced = true;
        this.messages = messagesIn(language);
    }

    /** The faces' words: every text masks credentials (i18n itself knows nothing of secrets). */
    private static Messages messagesIn(Language language) {
        return Messages.of(language).maskedBy(Redaction::redact);
    }

    /**
     * Test seam: words from these messages for the rest of the run (a pseudo-locale that shows which text is not
     * from a bundle). Not reachable from the command line or the window; --home keeps it, as it keeps --lang.
     */
    public void useMessages(Messages replacement) {
        languageForced = true;
        messages = replacement;
    }
}
