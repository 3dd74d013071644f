package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Language;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import dev.gosetup.ui.common.Styles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.gosetup.testing.TrustedTempDir;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real window (a real glass platform, e.g. GTK under Xvfb) describing this machine, and saves
 * PNGs under target/screenshots. Runs only with -Pscreenshot: {@code xvfb-run -a mvn -Pscreenshot verify}.
 */
@Tag("screenshot")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    static Path tmp;

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setTitle("Go Setup Assistant");
    }

    static dev.gosetup.testing.LoopbackServer mirror;

    @org.junit.jupiter.api.AfterAll
    static void stopMirror() {
        if (mirror != null) {
            mirror.close();
        }
    }

    /** Release list and files of the real Go 1.19.8 archive (make-go-mirror.sh), served on loopback. */
    private static dev.gosetup.install.InstallSources sources(Path sdk) throws Exception {
        Path dir = dev.gosetup.testing.GoMirror.dir();
        if (mirror == null) {
            mirror = new dev.gosetup.testing.LoopbackServer()
                    .serveFile("/" + dev.gosetup.testing.GoMirror.FILE, dir.resolve(dev.gosetup.testing.GoMirror.FILE));
        }
        return new dev.gosetup.install.InstallSources(dir.resolve("dl.json").toString(), mirror.uri("/").toString(),
                dev.gosetup.fetch.FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"), tmp.resolve("cache"),
                new dev.gosetup.install.SdkRoot(sdk));
    }

    private MainWindow open(FxRobot robot, Language language) throws Exception {
        return open(robot, language, false);
    }

    /**
     * @param realFolders the folders a Linux user has, so the Settings page shows real-looking paths; only
     *                    for pages that never save. Pages that do (step 4 saves its choices) get test folders,
     *                    so a screenshot run never changes this machine's settings.
     */
    private MainWindow open(FxRobot robot, Language language, boolean realFolders) throws Exception {
        return open(robot, language, realFolders, ThisMachine::hostSource);
    }

    private MainWindow open(FxRobot robot, Language language, boolean realFolders,
                            java.util.function.Supplier<dev.gosetup.host.HostSource> host) throws Exception {
        return open(robot, language, realFolders, host, null);
    }

    /**
     * @param policy a managed policy for this window, or null; with one, releases, files and the install root
     *               come from the policy over the (test folders') settings, as in the app
     */
    private MainWindow open(FxRobot robot, Language language, boolean realFolders,
                            java.util.function.Supplier<dev.gosetup.host.HostSource> host, Path policy) throws Exception {
        AppPaths paths = realFolders ? AppPaths.forThisMachine()
                : new AppPaths(tmp.resolve("config-" + language), tmp.resolve("logs-" + language));
        AppContext context = AppContext.of(paths, paths.logDir().resolve("gosetup0.log"));
        if (policy != null) {
            context.usePolicy(policy);
            assertThat(context.policyError()).as("the example policy is valid").isEmpty();
        }
        context.apply(new Settings(language.tag()));
        MainWindow[] window = new MainWindow[1];
        Path sdk = tmp.resolve("sdk-" + language);
        dev.gosetup.install.InstallSources installSources = policy == null ? sources(sdk)
                : dev.gosetup.install.InstallSources.of(context.settings(), context.paths(), context.installRoot());
        // A new hire's home: Debian's .bashrc and .profile and a real .zshrc that already sets GOPATH.
        Path home = java.nio.file.Files.createDirectories(tmp.resolve("home-" + language));
        for (String[] f : new String[][] {{"bashrc__linuxmint_bash__debian_skel.bashrc", ".bashrc"},
                {"profile__linuxmint_bash__debian_skel.profile", ".profile"}, {"zshrc__carmeloriolo_dotfiles__zsh_.zshrc", ".zshrc"}}) {
            java.nio.file.Files.copy(dev.gosetup.testing.Fixtures.root().resolve("rcfiles").resolve(f[0]), home.resolve(f[1]),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        dev.gosetup.shell.sources.ShellSources shells = new dev.gosetup.shell.sources.ShellSources(
                new dev.gosetup.shell.ShellFiles("linux", home, java.util.Map.of(), null), home, home.resolve(".config/gosetup"),
                sdk, dev.gosetup.shell.Shell.BASH);
        robot.interact(() -> {
            window[0] = new MainWindow(context, host, () -> installSources, () -> shells);
            Scene scene = new Scene(window[0], 980, 720);
            scene.getStylesheets().add(Styles.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#hostConsequence").queryAs(Label.class).getText().matches("(?s).*(linux|darwin).*"));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // let the real window paint once more
        return window[0];
    }

    @Test
    void thisComputerInEnglishAndChinese(FxRobot robot) throws Exception {
        assertThat(System.getProperty("glass.platform")).as("a real window, not the headless platform").isNull();
        open(robot, Language.ENGLISH, true);
        save(robot, "this-computer-en.png");
        open(robot, Language.SIMPLIFIED_CHINESE, true);
        save(robot, "this-computer-zh-CN.png");
    }

    // The wizard from start to finish (choose, install, environment, ready) is FirstRunJourneyTest: the same real
    // window, for /home/alex, in both languages and both sizes, with its pictures.

    /**
     * A company's policy (docs/it-guide.md): Go 1.19.8 pinned (the release list is the loopback mirror's), files
     * through Artifactory behind the company proxy, GOPROXY locked, GOPRIVATE a default users may change.
     */
    private static Path managedPolicy() throws Exception {
        Path file = tmp.resolve("etc/gosetup/policy.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, """
                {
                  "$schema": "https://gosetup.dev/policy.schema.json",
                  "goVersion": "1.19.8",
                  "releaseList": "%s",
                  "fileMirror": "https://artifactory.example.com/artifactory/go-files-remote/",
                  "proxy": "http://proxy.example.com:3128",
                  "noProxy": ["localhost", "artifactory.example.com"],
                  "goEnv": {
                    "GOPROXY": "https://artifactory.example.com/artifactory/api/go/go-remote",
                    "GOPRIVATE": "git.example.com,github.com/example-corp"
                  },
                  "sdkRoot": "%s",
                  "userMayChange": ["GOPRIVATE"]
                }
                """.formatted(dev.gosetup.testing.GoMirror.dir().resolve("dl.json"), tmp.resolve("opt/go-sdk")));
    }

    /** The window on a managed machine: the pinned version preselected and locked, the policy's settings locked and labelled. */
    @Test
    void managedMachine(FxRobot robot) throws Exception {
        Path policy = managedPolicy();
        for (Language language : new Language[] {Language.ENGLISH, Language.SIMPLIFIED_CHINESE}) {
            String suffix = language == Language.ENGLISH ? "en" : "zh-CN";
            String setByOrganisation = language == Language.ENGLISH ? "Set by your organisation" : "由您的组织设置";
            MainWindow window = open(robot, language, false, ThisMachine::hostSource, policy);
            robot.clickOn("#wizardNext");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, "managed-choose-go-" + suffix + ".png");
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<dev.gosetup.release.Release> list =
                    robot.lookup("#versionList").queryAs(javafx.scene.control.ListView.class);
            assertThat(list.getItems()).as("a locked pin: nothing else is offered").extracting(r -> r.version().name())
                    .containsExactly("go1.19.8");
            assertThat(list.getSelectionModel().getSelectedItem().version().name()).isEqualTo("go1.19.8");
            assertThat(list.isDisabled()).isTrue();
            assertThat(robot.lookup("#showAllVersions").queryAs(javafx.scene.control.CheckBox.class).isDisabled())
                    .as("nothing else to show").isTrue();
            assertThat(robot.lookup("#choosePolicy").queryAs(Label.class).getText()).contains("1.19.8");
            assertShown(robot, "#managed-goVersion", setByOrganisation);
            // The digest is shown in groups of eight (as fingerprints are): compared without the spaces.
            assertThat(robot.lookup("#fileDetails").lookup(".fact-value").queryAllAs(Label.class)).extracting(l -> l.getText().replace(" ", ""))
                    .contains("https://artifactory.example.com/artifactory/go-files-remote/" + dev.gosetup.testing.GoMirror.FILE,
                            dev.gosetup.testing.GoMirror.sha256(), tmp.resolve("opt/go-sdk/go1.19.8").toString().replace(" ", ""));

            robot.interact(() -> window.show(MainWindow.Page.SETTINGS));
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            save(robot, "managed-settings-" + suffix + ".png");
            assertThat(robot.lookup("#policyInUse").queryAs(Label.class).getText()).contains(policy.toString());
            javafx.scene.control.TextField fileMirror = robot.lookup("#fileMirrorField").queryAs(javafx.scene.control.TextField.class);
            assertThat(fileMirror.getText()).isEqualTo("https://artifactory.example.com/artifactory/go-files-remote/");
            assertThat(fileMirror.isDisabled()).isTrue();
            assertThat(robot.lookup("#releaseListField").queryAs(javafx.scene.control.TextField.class).isDisabled()).isTrue();
            assertThat(robot.lookup("#plainHttpField").queryAs(javafx.scene.control.TextField.class).isDisabled())
                    .as("not managed").isFalse();
            assertThat(robot.lookup("#proxyField").queryAs(javafx.scene.control.TextField.class).getText())
                    .isEqualTo("http://proxy.example.com:3128");
            for (String badge : new String[] {"#managed-releaseList", "#managed-fileMirror", "#managed-proxy", "#managed-noProxy",
                    "#managed-sdkRoot"}) {
                assertShown(robot, badge, setByOrganisation);
            }
            assertThat(robot.lookup("#managed-plainHttpHosts").tryQuery()).isEmpty();
        }
    }

    /** The badge says who set the value, names the policy file on hover, and is inside the window (not cut off). */
    private void assertShown(FxRobot robot, String query, String text) {
        Label badge = robot.lookup(query).queryAs(Label.class);
        assertThat(badge.getText()).as(query).isEqualTo(text);
        assertThat(badge.getTooltip().getText()).as(query).contains("policy.json");
        assertThat(badge.isVisible()).as(query).isTrue();
        javafx.geometry.Bounds inScene = badge.localToScene(badge.getLayoutBounds());
        assertThat(inScene.getMaxX()).as(query + " inside the window").isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(badge.getWidth()).as(query + " not shortened").isGreaterThanOrEqualTo(badge.prefWidth(-1) - 0.5);
    }

    private void save(FxRobot robot, String name) throws Exception {
        Path out = dev.gosetup.testing.Screens.save(stage.getScene(), name);
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }

    /**
     * The Installed versions, Health check and Settings pages of a Linux user, alex. Installed versions: a machine
     * built in a test folder (shown as the machine names it) with real-size Go trees: ~/sdk/go1.22.5 active and
     * run by new terminals (the block in .bashrc), a Go copied into ~/sdk by hand, an older official Go first on
     * the PATH of this window (started before the change), the distribution's. Health check and Settings: the
     * real folder /home/alex, a .zshrc copied from Windows (CRLF) fixed with one click. At 1024×700 (the pictures
     * in docs/screenshots) and 800×560, in both languages.
     */
    @Test
    void pagesOfAnInstalledMachine(FxRobot robot) throws Exception {
        Path home = Path.of("/home/alex");
        boolean created = !Files.exists(home);
        String realHome = System.getProperty("user.home");
        try {
            Files.createDirectories(home);
            System.setProperty("user.home", home.toString());
            Path realGo = realGoTree();
            Path machine = tmp.resolve("alex-machine");
            Path machineHome = machine.resolve("home/alex");
            for (String[] i : new String[][] {{"home/alex/sdk/go1.22.5", "go1.22.5"}, {"home/alex/sdk/go1.21.12", "go1.21.12"},
                    {"home/alex/sdk/go1.23.1", "go1.23.1"}, {"home/alex/.asdf/installs/golang/1.21.13/go", "go1.21.13"},
                    {"usr/local/go", "go1.20.3"}, {"usr/lib/go-1.19", "go1.19.8"}}) {
                linkTree(realGo, machine.resolve(i[0]), i[1], !i[0].endsWith("go1.23.1")); // go1.23.1: copied by hand, no marker
            }
            Files.createSymbolicLink(machineHome.resolve("sdk/go"), Path.of("go1.22.5"));
            Files.writeString(machineHome.resolve(".bashrc"), "# ~/.bashrc\nexport EDITOR=vim\n");
            dev.gosetup.shell.sources.ShellSources machineShells = new dev.gosetup.shell.sources.ShellSources(
                    new dev.gosetup.shell.ShellFiles("linux", machineHome, java.util.Map.of(), null), machineHome,
                    machineHome.resolve(".config/gosetup"), machineHome.resolve("sdk"), dev.gosetup.shell.Shell.BASH);
            var machineSetup = machineShells.setup();
            machineSetup.apply(machineSetup.plan(machineShells.spec(Settings.defaults()), java.util.Set.of(dev.gosetup.shell.Shell.BASH),
                    java.util.Set.of()));
            Path releases = Files.writeString(tmp.resolve("alex-dl.json"), """
                    [{"version":"go1.22.5","stable":true,"files":[]},{"version":"go1.21.13","stable":true,"files":[]},
                     {"version":"go1.21.12","stable":true,"files":[]},{"version":"go1.20.3","stable":true,"files":[]},
                     {"version":"go1.19.8","stable":true,"files":[]}]
                    """);
            // this window was started before the change: the old official Go is first on its PATH
            dev.gosetup.inventory.InventorySources versions = new dev.gosetup.inventory.InventorySources(machine, machineHome,
                    machineHome.resolve("sdk"), tmp.resolve("alex-cache"), releases.toString(),
                    java.util.Map.of("PATH", "/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin"))
                    .withNewTerminal(() -> dev.gosetup.inventory.StartupPathGo.of(machineShells, Settings.defaults()).go());

            // The health check in the real /home/alex, with a new terminal's PATH.
            Path sdk = home.resolve("sdk");
            for (String v : new String[] {"go1.22.5", "go1.21.12"}) {
                Path r = Files.createDirectories(sdk.resolve(v));
                Files.writeString(r.resolve("VERSION"), v + "\n");
                dev.gosetup.testing.RealBinaries.copy(dev.gosetup.testing.RealBinaries.LINUX_AMD64, r.resolve("bin/go"));
                Files.createFile(r.resolve(".unpacked-success"));
            }
            Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
            Files.writeString(home.resolve(".bashrc"), "# ~/.bashrc\nexport EDITOR=vim\nalias ll='ls -l'\n");
            dev.gosetup.shell.sources.ShellSources shells = new dev.gosetup.shell.sources.ShellSources(
                    new dev.gosetup.shell.ShellFiles("linux", home, java.util.Map.of(), null), home, home.resolve(".config/gosetup"), sdk,
                    dev.gosetup.shell.Shell.BASH);
            var setup = shells.setup();
            setup.apply(setup.plan(shells.spec(Settings.defaults()), java.util.Set.of(dev.gosetup.shell.Shell.BASH), java.util.Set.of()));
            dev.gosetup.inventory.InventorySources terminal = new dev.gosetup.inventory.InventorySources(Path.of("/"), home, sdk,
                    home.resolve(".cache/gosetup"), null, java.util.Map.of("PATH", "/home/alex/sdk/go/bin:/home/alex/go/bin:/usr/local/bin:/usr/bin:/bin",
                    "GOPROXY", "direct"));
            Path host = dev.gosetup.testing.SnapshotBuilder.linux("amd64")
                    .file("/proc/cpuinfo", dev.gosetup.testing.Fixtures.capture("cpuinfo_x86_64_amd-epyc-7451_utillinux.txt"))
                    .writeTo(tmp.resolve("alex-host"));
            for (double[] size : new double[][] {{1024, 700}, {800, 560}}) {
                for (Language language : new Language[] {Language.ENGLISH, Language.SIMPLIFIED_CHINESE}) {
                    String suffix = (language == Language.ENGLISH ? "en" : "zh-CN") + (size[0] == 1024 ? "" : "-800x560");
                    Files.writeString(home.resolve(".zshrc"), "export EDITOR=vim\r\nalias ll='ls -l'\r\n"); // copied from Windows
                    try (var old = Files.list(home)) {
                        for (Path backup : old.filter(p -> p.getFileName().toString().startsWith(".zshrc.gosetup-backup-")).toList()) {
                            Files.delete(backup); // each picture starts from the same home
                        }
                    }
                    AppContext context = AppContext.of(AppPaths.forHome(home), AppPaths.forHome(home).logDir().resolve("gosetup0.log"), home);
                    context.apply(language == Language.ENGLISH ? new Settings(language.tag())
                            : dev.gosetup.settings.MirrorPreset.CHINA.applyTo(new Settings(language.tag())));
                    MainWindow[] window = new MainWindow[1];
                    robot.interact(() -> {
                        window[0] = new MainWindow(context, () -> new dev.gosetup.host.snapshot.SnapshotHostSource(host), () -> null, () -> shells);
                        window[0].useInventory(() -> versions);
                        window[0].show(MainWindow.Page.VERSIONS);
                        Scene scene = new Scene(window[0], size[0], size[1]);
                        scene.getStylesheets().add(Styles.stylesheet());
                        stage.setScene(scene);
                        stage.show();
                    });
                    javafx.scene.control.TableView<?> table = robot.lookup("#versionsTable").queryAs(javafx.scene.control.TableView.class);
                    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
                    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#versionsStale").query().isVisible());
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(300);
                    PageChecks.nothingCut(window[0], size[0]);
                    save(robot, "versions-" + suffix + ".png");
                    // hovering a disabled button shows why (the holder's tooltip: a disabled control shows none of its own)
                    javafx.scene.control.Button remove = robot.lookup("#versionRemove").queryAs(javafx.scene.control.Button.class);
                    dev.gosetup.ui.common.WhyDisabled holder = (dev.gosetup.ui.common.WhyDisabled) remove.getParent();
                    robot.moveTo(remove);
                    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> holder.getTooltip() != null && holder.getTooltip().isShowing());
                    assertThat(holder.getTooltip().getText()).isNotBlank();
                    save(robot, "versions-why-disabled-" + suffix + ".png");
                    robot.moveTo(robot.lookup("#versionsSummary").queryAs(Label.class));

                    robot.interact(() -> {
                        window[0].useInventory(() -> terminal);
                        window[0].show(MainWindow.Page.HEALTH);
                    });
                    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#fix-crlf").tryQuery().isPresent());
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(300);
                    PageChecks.nothingCut(window[0], size[0]);
                    save(robot, "health-" + suffix + ".png");
                    robot.clickOn("#fix-crlf");
                    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#fix-crlf").tryQuery().isEmpty()
                            && robot.lookup("#healthFixResult").queryAs(Label.class).getText().contains(".zshrc"));
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(300);
                    save(robot, "health-fixed-" + suffix + ".png");

                    robot.interact(() -> window[0].show(MainWindow.Page.SETTINGS));
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(300);
                    PageChecks.nothingCut(window[0], size[0]);
                    PageChecks.everyDisabledButtonSaysWhy(window[0]);
                    save(robot, "settings-" + suffix + ".png");
                }
            }
        } finally {
            System.setProperty("user.home", realHome);
            if (created) {
                deleteTree(home);
            }
        }
    }

    /** The real Go 1.19.8 tree (make-go-mirror.sh's archive), unpacked once. */
    private static Path realGoTree() throws Exception {
        Path dir = tmp.resolve("real-go");
        if (Files.exists(dir.resolve("go/VERSION"))) {
            return dir.resolve("go");
        }
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(
                        Files.newInputStream(dev.gosetup.testing.GoMirror.dir().resolve(dev.gosetup.testing.GoMirror.FILE))))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path to = dir.resolve(e.getName()).normalize();
                if (!to.startsWith(dir)) {
                    continue;
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else if (e.isFile()) {
                    Files.createDirectories(to.getParent());
                    Files.copy(tar, to);
                    if ((e.getMode() & 0100) != 0) {
                        to.toFile().setExecutable(true);
                    }
                }
            }
        }
        return dir.resolve("go");
    }

    /** A full-size Go tree at {@code to} for no disk: hard links to the real tree's files, with its own VERSION. */
    private static void linkTree(Path from, Path to, String version, boolean marker) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().equals("VERSION")) {
                    Files.createLink(target, p);
                }
            }
        }
        Files.writeString(to.resolve("VERSION"), version + "\ntime 2024-07-02T17:10:55Z\n");
        if (marker) {
            Files.createFile(to.resolve(".unpacked-success"));
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
