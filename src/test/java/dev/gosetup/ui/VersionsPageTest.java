package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.RealBinaries;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.ui.common.Styles;
import dev.gosetup.ui.common.WhyDisabled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Installed versions on an M2 Mac built in a folder: an Intel /usr/local/go first on PATH shadows the chosen Go. */
@ExtendWith(ApplicationExtension.class)
class VersionsPageTest {
    @TempDir
    static Path tmp;
    Path root;
    Path sdk;
    MainWindow window;
    dev.gosetup.testing.LoopbackServer server;

    static void go(Path goRoot, String version, String binary) throws IOException {
        Files.createDirectories(goRoot);
        Files.writeString(goRoot.resolve("VERSION"), version + "\ntime 2024-07-02T17:10:55Z\n");
        RealBinaries.copy(binary, goRoot.resolve("bin/go"));
        Files.createFile(goRoot.resolve(".unpacked-success")); // what golang.org/dl and gosetup write last
    }

    dev.gosetup.i18n.Language language = dev.gosetup.i18n.Language.ENGLISH;
    double width = 980;
    double height = 720;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        root = Files.createDirectories(tmp.resolve("machine-" + System.nanoTime()));
        Path home = Files.createDirectories(root.resolve("Users/dev"));
        sdk = home.resolve("sdk");
        go(sdk.resolve("go1.22.5"), "go1.22.5", RealBinaries.DARWIN_ARM64);
        go(sdk.resolve("go1.21.12"), "go1.21.12", RealBinaries.DARWIN_ARM64);
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        go(root.resolve("usr/local/go"), "go1.20.3", RealBinaries.DARWIN_AMD64);
        go(root.resolve("opt/homebrew/Cellar/go@1.21/1.21.13/libexec"), "go1.21.13", RealBinaries.DARWIN_ARM64);
        // copied by hand (or by an IDE) into ~/sdk: no .unpacked-success, still an installed version
        Path copied = Files.createDirectories(sdk.resolve("go1.23.1"));
        Files.writeString(copied.resolve("VERSION"), "go1.23.1\ntime 2024-09-03T20:00:00Z\n");
        RealBinaries.copy(RealBinaries.DARWIN_ARM64, copied.resolve("bin/go"));
        Path snapshot = SnapshotBuilder.mac("arm64").sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt"))
                .writeTo(tmp.resolve("m2-" + System.nanoTime()));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        context.apply(context.settings().withLanguage(language.tag()));
        // The release list knows go1.21.13 as the newest 1.21: the installed go1.21.12 gets "Install go1.21.13".
        byte[] archive = dev.gosetup.testing.TarGzBuilder.tinyGo("go1.21.13");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(archive));
        server = new dev.gosetup.testing.LoopbackServer().serve("/go1.21.13.darwin-arm64.tar.gz", archive);
        Path list = Files.writeString(tmp.resolve("dl-" + System.nanoTime() + ".json"), """
                [{"version":"go1.22.5","stable":true,"files":[]},
                 {"version":"go1.21.13","stable":true,"files":[{"filename":"go1.21.13.darwin-arm64.tar.gz","os":"darwin",
                  "arch":"arm64","version":"go1.21.13","sha256":"%s","size":%d,"kind":"archive"}]},
                 {"version":"go1.21.12","stable":true,"files":[]}]
                """.formatted(sha, archive.length));
        dev.gosetup.install.InstallSources installs = new dev.gosetup.install.InstallSources(list.toString(), server.uri("/").toString(),
                dev.gosetup.fetch.FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"), tmp.resolve("icache"), new dev.gosetup.install.SdkRoot(sdk));
        window = new MainWindow(context, () -> new SnapshotHostSource(snapshot), () -> installs);
        // This window started before the shell environment was written: its PATH has the old Intel Go first, while a
        // terminal opened now runs ~/sdk/go/bin/go.
        InventorySources inventory = new InventorySources(root, home, sdk, tmp.resolve("cache-" + System.nanoTime()), list.toString(),
                Map.of("PATH", "/usr/local/go/bin:/Users/dev/sdk/go/bin:/usr/bin")).withNewTerminal(() -> Optional.of(sdk.resolve("go/bin/go")));
        window.useInventory(() -> inventory);
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    TableView<InventoryEntry> table(FxRobot robot) {
        return robot.from(window).lookup("#versionsTable").queryAs(TableView.class);
    }

    static InventoryEntry entry(TableView<InventoryEntry> table, String version) {
        return table.getItems().stream().filter(e -> version.equals(e.install().version())).findFirst().orElseThrow();
    }

    /** The text the Status column shows for a version. */
    static String status(TableView<InventoryEntry> table, String version) {
        @SuppressWarnings("unchecked")
        TableColumn<InventoryEntry, String> column = (TableColumn<InventoryEntry, String>) table.getColumns().stream()
                .filter(c -> "statusColumn".equals(c.getId())).findFirst().orElseThrow();
        return column.getCellObservableValue(entry(table, version)).getValue();
    }

    @Test
    void marksTheActiveVersionAndTheOneNewTerminalsRunAndSaysOnlyThisWindowIsBehind(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(window).lookup("#navVersions").queryAs(javafx.scene.Node.class));
        TableView<InventoryEntry> table = table(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .containsExactly("Version", "OS/arch", "Size (MiB)", "Location", "Status");
        assertThat(robot.from(window).lookup("#versionsSummary").queryAs(Label.class).getText())
                .isEqualTo("5 Go installs. New terminals will run go1.22.5 from ~/sdk/go1.22.5/bin.");
        Label stale = robot.from(window).lookup("#versionsStale").queryAs(Label.class);
        assertThat(stale.isVisible()).isTrue();
        assertThat(stale.getText()).contains("still runs go1.20.3").contains("New terminals are fine");
        assertThat(status(table, "go1.22.5")).isEqualTo("Active · New terminals");
        assertThat(status(table, "go1.20.3")).isEqualTo("This window only · Rosetta 2 · No security fixes");
        assertThat(status(table, "go1.23.1")).as("copied by hand: installed, nothing wrong").isEmpty();
        assertThat(status(table, "go1.21.12")).isEqualTo("Update available");
        assertThat(table.getSelectionModel().getSelectedItem().install().version()).as("the one new terminals run").isEqualTo("go1.22.5");
        // sizes in the unit gosetup list uses
        InventoryEntry chosen = entry(table, "go1.22.5");
        assertThat(robot.from(window).lookup("#versionDetailFacts").queryAs(Label.class).getText())
                .isEqualTo("Installed by ~/sdk · darwin-arm64 · " + dev.gosetup.inventory.SizeUnit.mib(chosen.sizeBytes()) + " MiB");

        // the active one cannot be made active again nor removed, and says why
        Button remove = robot.from(window).lookup("#versionRemove").queryAs(Button.class);
        assertThat(remove.isDisabled()).as("never remove the active one").isTrue();
        assertThat(((WhyDisabled) remove.getParent()).getTooltip().getText()).isEqualTo(
                "This is the active version: make another one active first, then remove this one.");
        assertThat(((WhyDisabled) robot.from(window).lookup("#versionMakeDefault").queryAs(Button.class).getParent()).getTooltip().getText())
                .isEqualTo("Already the active version.");
        PageChecks.everyDisabledButtonSaysWhy(window);
        PageChecks.nothingCut(window, width);

        robot.interact(() -> table.getSelectionModel().select(entry(table, "go1.20.3")));
        assertThat(robot.from(window).lookup("#versionWarnings").queryAs(Label.class).getText()).contains("Rosetta 2");
        robot.interact(() -> table.getSelectionModel().select(entry(table, "go1.21.13")));
        assertThat(robot.from(window).lookup("#versionRemoveCommand").queryAs(TextField.class).getText()).isEqualTo("brew uninstall go@1.21");

        robot.interact(() -> table.getSelectionModel().select(entry(table, "go1.21.12")));
        robot.clickOn(robot.from(window).lookup("#versionMakeDefault").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readSymbolicLink(sdk.resolve("go")).equals(Path.of("go1.21.12")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(e -> "go1.21.12".equals(e.install().version()) && e.sdkActive()));
    }

    /** A Go tree copied by hand into ~/sdk is an installed version: it can be made the active one. */
    @Test
    void aGoCopiedByHandCanBeMadeActive(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(window).lookup("#navVersions").queryAs(javafx.scene.Node.class));
        TableView<InventoryEntry> table = table(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        robot.interact(() -> table.getSelectionModel().select(entry(table, "go1.23.1")));
        assertThat(robot.from(window).lookup("#versionMakeDefault").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn(robot.from(window).lookup("#versionMakeDefault").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readSymbolicLink(sdk.resolve("go")).equals(Path.of("go1.23.1")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(table, "go1.23.1").startsWith("Active"));
    }

    /** At the smallest window, in both languages: headers, buttons and the summary are whole; nothing is cut to "…". */
    @Test
    void atTheSmallestWindowNothingIsCut(FxRobot robot) throws Exception {
        for (dev.gosetup.i18n.Language language : new dev.gosetup.i18n.Language[] {
                dev.gosetup.i18n.Language.SIMPLIFIED_CHINESE, dev.gosetup.i18n.Language.ENGLISH}) {
            robot.interact(() -> {
                try {
                    width = 800;
                    height = 560;
                    this.language = language;
                    start(stage);
                    window.show(MainWindow.Page.VERSIONS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TableView<InventoryEntry> table = table(robot);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
            WaitForAsyncUtils.waitForFxEvents();
            if (language == dev.gosetup.i18n.Language.SIMPLIFIED_CHINESE) {
                assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("版本", "系统/架构", "大小（MiB）", "位置", "状态");
                assertThat(status(table, "go1.22.5")).isEqualTo("当前版本 · 新终端");
                assertThat(robot.from(window).lookup("#versionsStale").queryAs(Label.class).getText()).contains("新开的终端没有问题");
            }
            PageChecks.nothingCut(window, 800);
            PageChecks.everyDisabledButtonSaysWhy(window);
        }
    }

    /** A Go installed from a terminal while the page is open appears without pressing Refresh. */
    @SuppressWarnings("unchecked")
    @Test
    void anInstallMadeElsewhereAppearsByItself(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(window).lookup("#navVersions").queryAs(javafx.scene.Node.class));
        TableView<InventoryEntry> table = robot.from(window).lookup("#versionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        Path staging = Files.createDirectories(tmp.resolve("elsewhere-" + System.nanoTime()));
        go(staging.resolve("go1.23.0"), "go1.23.0", RealBinaries.DARWIN_ARM64);
        Files.move(staging.resolve("go1.23.0"), sdk.resolve("go1.23.0")); // one rename, as the installer commits
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        assertThat(table.getItems()).anyMatch(e -> "go1.23.0".equals(e.install().version()));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theNewerPatchIsInstalledFromThePage(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(window).lookup("#navVersions").queryAs(javafx.scene.Node.class));
        TableView<InventoryEntry> table = robot.from(window).lookup("#versionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        InventoryEntry older = table.getItems().stream().filter(e -> "go1.21.12".equals(e.install().version())).findFirst().orElseThrow();
        assertThat(older.newerPatch()).isEqualTo("go1.21.13");
        robot.interact(() -> table.getSelectionModel().select(older));
        // The details (with how the version was verified) run below the fold: scrolled to, as a user would.
        javafx.scene.control.ScrollPane page = robot.from(window)
                .lookup((javafx.scene.Node n) -> n instanceof dev.gosetup.ui.versions.VersionsPage).queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> page.setVvalue(page.getVmax()));
        robot.clickOn(robot.from(window).lookup("#versionInstallNewer").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(sdk.resolve("go1.21.13/.unpacked-success")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(e -> "go1.21.13".equals(e.install().version())));
        server.close();
    }
}
