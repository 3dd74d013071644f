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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

    @Start
    void start(Stage stage) throws Exception {
        root = Files.createDirectories(tmp.resolve("machine-" + System.nanoTime()));
        Path home = Files.createDirectories(root.resolve("Users/dev"));
        sdk = home.resolve("sdk");
        go(sdk.resolve("go1.22.5"), "go1.22.5", RealBinaries.DARWIN_ARM64);
        go(sdk.resolve("go1.21.12"), "go1.21.12", RealBinaries.DARWIN_ARM64);
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        go(root.resolve("usr/local/go"), "go1.20.3", RealBinaries.DARWIN_AMD64);
        go(root.resolve("opt/homebrew/Cellar/go@1.21/1.21.13/libexec"), "go1.21.13", RealBinaries.DARWIN_ARM64);
        Path snapshot = SnapshotBuilder.mac("arm64").sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt"))
                .writeTo(tmp.resolve("m2-" + System.nanoTime()));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
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
        InventorySources inventory = new InventorySources(root, home, sdk, tmp.resolve("cache-" + System.nanoTime()), list.toString(),
                Map.of("PATH", "/usr/local/go/bin:/Users/dev/sdk/go/bin:/usr/bin"));
        window.useInventory(() -> inventory);
        Scene scene = new Scene(window, 980, 720);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    @Test
    void showsWhichRunsWhoShadowsAndLetsTheChosenOneBeChanged(FxRobot robot) throws Exception {
        robot.clickOn("#navVersions");
        TableView<InventoryEntry> table = robot.lookup("#versionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        assertThat(robot.lookup("#versionsSummary").queryAs(Label.class).getText()).contains("go1.20.3").contains("usr/local/go");
        InventoryEntry runs = table.getSelectionModel().getSelectedItem();
        assertThat(runs.install().version()).isEqualTo("go1.20.3");
        assertThat(robot.lookup("#versionWarnings").queryAs(Label.class).getText()).contains("Rosetta 2");

        InventoryEntry chosen = table.getItems().stream().filter(e -> "go1.22.5".equals(e.install().version())).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(chosen));
        assertThat(robot.lookup("#versionWarnings").queryAs(Label.class).getText()).contains("comes first");
        assertThat(robot.lookup("#versionRemove").queryAs(Button.class).isDisabled()).as("never remove the chosen one").isTrue();

        InventoryEntry brew = table.getItems().stream().filter(e -> "go1.21.13".equals(e.install().version())).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(brew));
        assertThat(robot.lookup("#versionRemoveCommand").queryAs(TextField.class).getText()).isEqualTo("brew uninstall go@1.21");

        InventoryEntry older = table.getItems().stream().filter(e -> "go1.21.12".equals(e.install().version())).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(older));
        robot.clickOn("#versionMakeDefault");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readSymbolicLink(sdk.resolve("go")).equals(Path.of("go1.21.12")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(e -> "go1.21.12".equals(e.install().version()) && e.sdkActive()));
    }

    /** A Go installed from a terminal while the page is open appears without pressing Refresh. */
    @SuppressWarnings("unchecked")
    @Test
    void anInstallMadeElsewhereAppearsByItself(FxRobot robot) throws Exception {
        robot.clickOn("#navVersions");
        TableView<InventoryEntry> table = robot.lookup("#versionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        Path staging = Files.createDirectories(tmp.resolve("elsewhere-" + System.nanoTime()));
        go(staging.resolve("go1.23.0"), "go1.23.0", RealBinaries.DARWIN_ARM64);
        Files.move(staging.resolve("go1.23.0"), sdk.resolve("go1.23.0")); // one rename, as the installer commits
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        assertThat(table.getItems()).anyMatch(e -> "go1.23.0".equals(e.install().version()));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theNewerPatchIsInstalledFromThePage(FxRobot robot) throws Exception {
        robot.clickOn("#navVersions");
        TableView<InventoryEntry> table = robot.lookup("#versionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        InventoryEntry older = table.getItems().stream().filter(e -> "go1.21.12".equals(e.install().version())).findFirst().orElseThrow();
        assertThat(older.newerPatch()).isEqualTo("go1.21.13");
        robot.interact(() -> table.getSelectionModel().select(older));
        robot.clickOn("#versionInstallNewer");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(sdk.resolve("go1.21.13/.unpacked-success")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(e -> "go1.21.13".equals(e.install().version())));
        server.close();
    }
}
