package dev.gosetup.ui;

import dev.gosetup.AppContext;
import dev.gosetup.host.HostSource;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.inventory.StartupPathGo;
import dev.gosetup.ui.common.BackgroundTasks;
import dev.gosetup.ui.health.HealthPage;
import dev.gosetup.ui.settings.SettingsPage;
import dev.gosetup.ui.setup.SetupPage;
import dev.gosetup.ui.versions.VersionsPage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: navigation on the left (Set up Go, Installed versions, Health check,
 * Settings), the chosen page on the right. Changing the language rebuilds it in place.
 */
public final class MainWindow extends BorderPane {
    private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());

    /** The pages, in navigation order. */
    public enum Page { SETUP, VERSIONS, PROJECTS, HEALTH, SETTINGS }

    private final AppContext context;
    private final Supplier<HostSource> sources;
    private final Supplier<InstallSources> installSources;
    private final Supplier<ShellSources> shellSources;
    private Supplier<InventorySources> inventorySources;
    private final ToggleGroup nav = new ToggleGroup();
    private final java.util.Map<Page, ToggleButton> navButtons = new java.util.EnumMap<>(Page.class);
    private Page page = Page.SETUP;
    private SetupPage setupPage;
    private Runnable stopReloading;
    private dev.gosetup.ui.update.UpdateBanner updateBanner;

    public MainWindow(AppContext context, Supplier<HostSource> sources) {
        this(context, sources, () -> InstallSources.of(context.settings(), context.paths(), context.installRoot()));
    }

    public MainWindow(AppContext context, Supplier<HostSource> sources, Supplier<InstallSources> installSources) {
        this(context, sources, installSources, () -> ShellSources.forThisUser(context.settings(), context.paths()));
    }

    public MainWindow(AppContext context, Supplier<HostSource> sources, Supplier<InstallSources> installSources,
                      Supplier<ShellSources> shellSources) {
        this.context = context;
        this.sources = sources;
        this.installSources = installSources;
        this.shellSources = shellSources;
        // What a terminal opened now runs, told from the startup files when the scan runs (off the FX thread).
        this.inventorySources = () -> InventorySources.forThisUser(context.settings(), context.paths(), context.installRoot())
                .withNewTerminal(() -> newTerminalGo(shellSources.get()));
        getStyleClass().add("main-window");
        build();
    }

    private void build() {
        dev.gosetup.ui.common.Styles.language(this, context.messages().locale()); // fonts for the language
        Messages m = context.messages();
        Label brand = new Label(m.get("app.title"));
        brand.getStyleClass().add("brand");
        brand.setWrapText(true); // the sidebar keeps its width; a longer name takes two lines instead of "…"
        VBox side = new VBox(4, brand,
                navButton(Page.SETUP, "navSetup", m.get("nav.setup")),
                navButton(Page.VERSIONS, "navVersions", m.get("nav.versions")),
                navButton(Page.PROJECTS, "navProjects", m.get("nav.projects")),
                navButton(Page.HEALTH, "navHealth", m.get("nav.health")),
                navButton(Page.SETTINGS, "navSettings", m.get("nav.settings")));
        side.getStyleClass().add("sidebar");
        setLeft(side);
        updateBanner = new dev.gosetup.ui.update.UpdateBanner(m, installSources, context.managed(), context.paths().configDir(),
                this::hostPlatform, () -> show(page));
        VBox top = new VBox();
        context.policyError().map(e -> policyBanner(m, e)).ifPresent(top.getChildren()::add);
        top.getChildren().add(updateBanner);
        setTop(top);
        setupPage = new SetupPage(m, sources, installSources, shellSources, context::settings, this::changeSources, context.managed(),
                context.home());
        // Another release list, mirror, proxy or CA: Choose Go shows that source's list, not the old one's. The
        // wizard is rebuilt with the language, so the previous one stops listening.
        if (stopReloading != null) {
            stopReloading.run();
        }
        SetupPage current = setupPage;
        stopReloading = context.onSourcesChanged(s -> current.chooseStep().load());
        show(page);
    }

    /** Says the policy is broken, on every page: the user must know why installing is off and whom to ask. */
    private static Node policyBanner(Messages m, dev.gosetup.settings.PolicyException error) {
        Label banner = new Label(m.get("settings.policy.broken", m.describe(error)));
        banner.setId("policyBroken");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().add("policy-banner");
        return banner;
    }

    /** In place of the pages that install: with a broken policy, nothing may be installed until IT fixes it. */
    private static Node installsRefused(Messages m) {
        Label refused = new Label(m.get("setup.install.policyBroken"));
        refused.setId("installsRefused");
        refused.setWrapText(true);
        VBox page = new VBox(12, refused);
        page.getStyleClass().add("page");
        return page;
    }

    private ToggleButton navButton(Page target, String id, String text) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(nav);
        b.getStyleClass().add("nav-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setWrapText(true); // "Installed versions" is longer in other languages: two lines, not "…"
        b.setSelected(target == page);
        navButtons.put(target, b);
        b.setOnAction(e -> {
            b.setSelected(true); // a nav button never un-selects itself
            show(target);
        });
        return b;
    }

    public void show(Page target) {
        page = target;
        ToggleButton button = navButtons.get(target);
        if (button != null) {
            button.setSelected(true);
        }
        Messages m = context.messages();
        boolean policyBroken = context.policyError().isPresent();
        Node content = switch (target) {
            case SETUP -> policyBroken ? installsRefused(m) : setupPage;
            case VERSIONS -> policyBroken ? installsRefused(m) : versionsPage(m);
            case PROJECTS -> new dev.gosetup.ui.projects.ProjectsPage(m,
                    () -> dev.gosetup.project.ProjectLookup.of(shellSources.get(), context.settings(), System.getenv()),
                    policyBroken ? null : installSources, this::hostPlatform, context.managed().versions(),
                    new dev.gosetup.settings.ProjectFolders(context.paths().configDir()), context.home());
            case HEALTH -> new HealthPage(m, () -> {
                InventorySources installs = inventorySources.get();
                java.util.List<dev.gosetup.doctor.Finding> findings = new java.util.ArrayList<>();
                findings.add(dev.gosetup.doctor.PolicyFindings.of(context.managed(), context.policyError(), m,
                        System.getProperty("os.name", ""), System.getenv()));
                // PATH judged by what new terminals run (the real shells, started as a terminal does), never by
                // this window's own environment, which predates any change made since it opened.
                findings.addAll(dev.gosetup.doctor.Doctor.check(shellSources.get(), installs, sources.get(), installs.env(), installs.home(),
                        installSources.get(), dev.gosetup.shell.terminal.NewTerminal.Options.defaults()).findings());
                dev.gosetup.install.InstallSources sources = installSources.get();
                if (sources != null) { // the list the update banner saved: same sources, same cache
                    findings.addAll(dev.gosetup.doctor.UpdateFindings.cached(sources, context.managed()));
                }
                return findings;
            }, shellSources, context::settings);
            case SETTINGS -> new SettingsPage(m, Language.fromTag(context.settings().language()),
                    context.settingsStore().file(), context.logFile(), this::changeLanguage, context.settings(),
                    this::changeSources, context.managed(), context.home(), context.installRoot());
        };
        setCenter(content);
    }

    /** This machine's Go platform (native CPU), for the inventory; runs detection (call off the FX thread). */
    private dev.gosetup.release.Platform hostPlatform() {
        try {
            return dev.gosetup.release.Platform.of(new dev.gosetup.host.HostDetector().detect(sources.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No host platform for the inventory", e);
            return null;
        }
    }

    /**
     * The go a terminal opened now runs: asked of the login shell started as a terminal does (NewTerminal, the
     * same check as the Health page and the wizard's last step); when no shell answers (Windows, a shell that
     * hangs), worked out from the startup files instead.
     */
    private java.util.Optional<java.nio.file.Path> newTerminalGo(dev.gosetup.shell.sources.ShellSources shells) {
        dev.gosetup.shell.terminal.TerminalReport report = dev.gosetup.shell.terminal.NewTerminal.check(shells,
                shells.loginShell() != null ? java.util.Set.of(shells.loginShell()) : shells.defaultShells(),
                dev.gosetup.shell.terminal.NewTerminal.Options.defaults());
        return report.first().map(c -> c.go().isBlank() ? java.util.Optional.<java.nio.file.Path>empty()
                        : java.util.Optional.of(java.nio.file.Path.of(c.go())))
                .orElseGet(() -> StartupPathGo.of(shells, context.settings()).go());
    }

    /**
     * Looks for a newer Go for the banner (at most once a day by {@code clock}; the cached release list when offline).
     * Called once the window is up: never while the policy is broken, which stops installs anyway.
     */
    public void checkForUpdates(java.time.Clock clock) {
        if (context.policyError().isEmpty()) {
            updateBanner.check(clock);
        }
    }

    /** Installed versions, with Free disk space below the table. */
    private VersionsPage versionsPage(Messages m) {
        VersionsPage page = new VersionsPage(m, inventorySources, this::hostPlatform, installSources, context.managed().versions());
        page.addSection(new dev.gosetup.ui.versions.CleanupSection(m, () -> {
            java.util.Map<String, String> env = System.getenv();
            dev.gosetup.shell.sources.ShellSources shells = shellSources.get();
            return new dev.gosetup.ui.versions.CleanupSection.Source(
                    new dev.gosetup.cleanup.Cleanup(new dev.gosetup.install.SdkRoot(inventorySources.get().sdkRoot()), env),
                    dev.gosetup.cleanup.ProjectNeeds.of(shells, context.settings(), env,
                            new dev.gosetup.settings.ProjectFolders(context.paths().configDir()).load()));
        }, context.home(), page::refresh));
        return page;
    }

    /** Tests point the inventory at a machine built in a folder. */
    public void useInventory(Supplier<InventorySources> inventory) {
        this.inventorySources = inventory;
    }

    public SetupPage setupPage() {
        return setupPage;
    }

    private void changeSources(Settings updated) {
        context.apply(updated); // tells onSourcesChanged's listeners when where Go comes from changed
        save();
    }

    private void save() {
        BackgroundTasks.run(() -> {
            context.save();
            return null;
        }, ok -> { }, error -> LOG.log(Level.WARNING, "Could not save settings", error));
    }

    private void changeLanguage(Language language) {
        Settings updated = context.settings().withLanguage(language.tag());
        context.apply(updated);
        int step = setupPage.stepIndex();
        String version = setupPage.chosenVersion();
        build();
        setupPage.resume(step, version); // the wizard stays where it was, in the new language
        save();
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setTitle(context.messages().get("app.title"));
        }
    }
}
