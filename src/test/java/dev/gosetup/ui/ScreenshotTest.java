package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.LiveHostSource;
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
        return open(robot, language, realFolders, LiveHostSource::new);
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
        dev.gosetup.shell.ShellSources shells = new dev.gosetup.shell.ShellSources(
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
        MainWindow zh = open(robot, Language.SIMPLIFIED_CHINESE, true);
        save(robot, "this-computer-zh-CN.png");
        robot.interact(() -> zh.show(MainWindow.Page.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "settings-zh-CN.png");
    }

    @Test
    void chooseAndInstallTheRealGo(FxRobot robot) throws Exception {
        for (Language language : new Language[] {Language.ENGLISH, Language.SIMPLIFIED_CHINESE}) {
            String suffix = language == Language.ENGLISH ? "en" : "zh-CN";
            open(robot, language);
            robot.clickOn("#wizardNext");
            try {
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("step: " + robot.lookup("#wizardStep").queryAs(Label.class).getText() + " / "
                        + robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList(), e);
            }
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, "choose-go-" + suffix + ".png");
            robot.clickOn("#wizardNext");
            robot.clickOn("#startInstall");
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                    () -> robot.lookup("#installResult").queryAs(Label.class).getText().contains("go1.19.8 linux/amd64"));
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, "installed-" + suffix + ".png");
            robot.clickOn("#wizardNext");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#envApply").queryButton().isDisabled());
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, "environment-" + suffix + ".png");
            javafx.scene.control.ScrollPane page = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
            robot.interact(() -> page.setVvalue(page.getVmax()));
            robot.clickOn("#envApply");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#envNext").query().isVisible());
            robot.interact(() -> page.setVvalue(0.45));
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            save(robot, "environment-applied-" + suffix + ".png");
        }
    }

    /** An M2 Mac's Go installs, built in a folder: the Intel /usr/local/go first on PATH shadows the chosen Go. */
    @Test
    void installedVersions(FxRobot robot) throws Exception {
        Path root = tmp.resolve("machine");
        Path home = root.resolve("Users/dev");
        Path sdk = home.resolve("sdk");
        String[][] installs = {
                {"Users/dev/sdk/go1.22.5", "go1.22.5", dev.gosetup.testing.RealBinaries.DARWIN_ARM64},
                {"Users/dev/sdk/go1.21.12", "go1.21.12", dev.gosetup.testing.RealBinaries.DARWIN_ARM64},
                {"usr/local/go", "go1.20.3", dev.gosetup.testing.RealBinaries.DARWIN_AMD64},
                {"opt/homebrew/Cellar/go@1.21/1.21.13/libexec", "go1.21.13", dev.gosetup.testing.RealBinaries.DARWIN_ARM64},
                {"Users/dev/.asdf/installs/golang/1.19.13/go", "go1.19.13", dev.gosetup.testing.RealBinaries.DARWIN_ARM64},
                {"Users/dev/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.0.darwin-arm64", "go1.23.0", dev.gosetup.testing.RealBinaries.DARWIN_ARM64}};
        for (String[] i : installs) {
            Path r = java.nio.file.Files.createDirectories(root.resolve(i[0]));
            java.nio.file.Files.writeString(r.resolve("VERSION"), i[1] + "\ntime 2024-07-02T17:10:55Z\n");
            dev.gosetup.testing.RealBinaries.copy(i[2], r.resolve("bin/go"));
            java.nio.file.Files.createFile(r.resolve(".unpacked-success"));
        }
        java.nio.file.Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        dev.gosetup.inventory.InventorySources inventory = new dev.gosetup.inventory.InventorySources(root, home, sdk,
                tmp.resolve("inventory-cache"), null, java.util.Map.of("PATH", "/usr/local/go/bin:/Users/dev/sdk/go/bin:/usr/bin",
                "GOPROXY", "direct"));
        Path m2 = dev.gosetup.testing.SnapshotBuilder.mac("arm64")
                .sysctl(dev.gosetup.testing.Fixtures.capture("sysctl_macos_m2_monterey.txt")).writeTo(tmp.resolve("m2"));
        for (Language language : new Language[] {Language.ENGLISH, Language.SIMPLIFIED_CHINESE}) {
            MainWindow window = open(robot, language, false, () -> new dev.gosetup.host.snapshot.SnapshotHostSource(m2));
            robot.interact(() -> {
                window.useInventory(() -> inventory);
                window.show(MainWindow.Page.VERSIONS);
            });
            javafx.scene.control.TableView<?> table = robot.lookup("#versionsTable").queryAs(javafx.scene.control.TableView.class);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == installs.length);
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            save(robot, "versions-" + (language == Language.ENGLISH ? "en" : "zh-CN") + ".png");
            robot.interact(() -> window.show(MainWindow.Page.HEALTH));
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#finding-path-order").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            save(robot, "health-" + (language == Language.ENGLISH ? "en" : "zh-CN") + ".png");
        }
    }

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
            MainWindow window = open(robot, language, false, LiveHostSource::new, policy);
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
            assertThat(robot.lookup("#fileDetails").lookup(".fact-value").queryAllAs(Label.class)).extracting(Label::getText)
                    .contains("https://artifactory.example.com/artifactory/go-files-remote/" + dev.gosetup.testing.GoMirror.FILE,
                            dev.gosetup.testing.GoMirror.sha256(), tmp.resolve("opt/go-sdk/go1.19.8").toString());

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
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path out = Path.of(System.getProperty("gosetup.target", "target"), "screenshots", name);
        Files.createDirectories(out.getParent());
        ImageIO.write(png, "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }
}
