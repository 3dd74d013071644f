package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.i18n.Language;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.BuildsWithLinuxAmd64Go;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.GoToolBuilds;
import dev.gosetup.testing.RealBinaries;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Health page on an M2 Mac (real sysctl capture) whose ~/go/bin holds an amd64 dlv (a real darwin/amd64 Go
 * binary built here): the architecture doctor's warning says what breaks and offers to rebuild it.
 */
@BuildsWithLinuxAmd64Go
@ExtendWith(ApplicationExtension.class)
class HealthPageArchitectureTest {
    @TempDir
    static Path tmp;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("machine-" + System.nanoTime()));
        Path home = Files.createDirectories(root.resolve("home/dev"));
        Path sdk = home.resolve("sdk");
        Path go = Files.createDirectories(sdk.resolve("go1.23.5"));
        Files.writeString(go.resolve("VERSION"), "go1.23.5\n");
        RealBinaries.copy(RealBinaries.DARWIN_ARM64, go.resolve("bin/go"));
        Files.createFile(go.resolve(".unpacked-success"));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.23.5"));
        Path bin = Files.createDirectories(home.resolve("go/bin"));
        Files.copy(GoToolBuilds.build("1.21.13", "darwin", "amd64", "dlv"), bin.resolve("dlv"));
        Path host = SnapshotBuilder.mac("arm64").sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt"))
                .writeTo(tmp.resolve("h-" + System.nanoTime()));
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk,
                Shell.BASH);
        InventorySources inventory = new InventorySources(root, home, sdk, tmp.resolve("cache-" + System.nanoTime()), null,
                Map.of("PATH", "/home/dev/sdk/go/bin:/home/dev/go/bin:/usr/bin", "GOPATH", home.resolve("go").toString()));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        context.apply(new Settings(Language.ENGLISH.tag()));
        window = new MainWindow(context, () -> new SnapshotHostSource(host), () -> null, () -> shells);
        window.useInventory(() -> inventory);
        Scene scene = new Scene(window, 980, 720);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anAmd64DelveIsAWarningWithARebuildFix(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(window).lookup("#navHealth").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(window).lookup("#fix-wrong-arch-tool-dlv").tryQuery().isPresent());
        assertThat(robot.from(window).lookup("#status-wrong-arch-tool-dlv").queryAs(Label.class).getText()).isEqualTo("Warning");
        assertThat(robot.from(window).lookup("#finding-wrong-arch-tool-dlv").lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText).filteredOn(java.util.Objects::nonNull)
                .anyMatch(t -> t.contains("can not run under Rosetta"))
                .anyMatch(t -> t.contains("Delve") && t.contains("amd64") && t.contains("arm64"))
                .anyMatch(t -> t.contains("reinstall the tool with the active Go"));
    }
}
