package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.ShellSources;
import dev.gosetup.testing.Fixtures;
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

/** The Health check page on a Linux machine built in a folder: a CRLF .bashrc is explained and fixed with one click. */
@ExtendWith(ApplicationExtension.class)
class HealthPageTest {
    @TempDir
    static Path tmp;
    Path home;

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("machine-" + System.nanoTime()));
        home = Files.createDirectories(root.resolve("home/dev"));
        Path sdk = home.resolve("sdk");
        Path go = Files.createDirectories(sdk.resolve("go1.22.5"));
        Files.writeString(go.resolve("VERSION"), "go1.22.5\n");
        RealBinaries.copy(RealBinaries.LINUX_AMD64, go.resolve("bin/go"));
        Files.createFile(go.resolve(".unpacked-success"));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\r\nalias ll='ls -l'\r\n");
        Path host = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", Fixtures.capture("cpuinfo_x86_64_amd-epyc-7451_utillinux.txt"))
                .writeTo(tmp.resolve("h-" + System.nanoTime()));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk, Shell.BASH);
        MainWindow window = new MainWindow(context, () -> new SnapshotHostSource(host), () -> null, () -> shells);
        InventorySources inventory = new InventorySources(root, home, sdk, tmp.resolve("cache-" + System.nanoTime()), null,
                Map.of("PATH", "/home/dev/sdk/go/bin:/home/dev/go/bin:/usr/bin"));
        window.useInventory(() -> inventory);
        Scene scene = new Scene(window, 980, 720);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void explainsTheCrlfBashrcAndFixesIt(FxRobot robot) throws Exception {
        robot.clickOn("#navHealth");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#finding-crlf").tryQuery().isPresent());
        assertThat(robot.lookup("#healthSummary").queryAs(Label.class).getText()).contains("1 failing");
        assertThat(robot.lookup("#finding-go-on-path").lookup(".label").queryAs(Label.class).getText()).contains("go1.22.5");
        robot.clickOn("#fix-crlf");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !Files.readString(home.resolve(".bashrc")).contains("\r"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#fix-crlf").tryQuery().isEmpty()
                && robot.lookup("#healthSummary").queryAs(Label.class).getText().contains("0 failing"));
    }
}
