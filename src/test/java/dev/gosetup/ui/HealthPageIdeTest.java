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
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.RealBinaries;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
 * The Health check page shows VS Code's go.goroot set to a removed version as a problem with its fix; the fix
 * changes only that value (the comment beside it stays) and the check passes afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class HealthPageIdeTest {
    @TempDir
    static Path tmp;
    Path home;
    Path settingsFile;
    Stage stage;
    MainWindow window;
    static final String SETTINGS = "{\n    // the Go I used last year\n    \"go.goroot\": \"/usr/local/go1.18\",\n    \"editor.rulers\": [100],\n}\n";

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = Files.createDirectories(tmp.resolve("machine-" + System.nanoTime()));
        home = Files.createDirectories(root.resolve("home/dev"));
        Path sdk = home.resolve("sdk");
        Path go = Files.createDirectories(sdk.resolve("go1.22.5"));
        Files.writeString(go.resolve("VERSION"), "go1.22.5\n");
        RealBinaries.copy(RealBinaries.LINUX_AMD64, go.resolve("bin/go"));
        Files.createFile(go.resolve(".unpacked-success"));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        settingsFile = home.resolve(".config/Code/User/settings.json");
        Files.createDirectories(settingsFile.getParent());
        Files.writeString(settingsFile, SETTINGS);
        Path host = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", Fixtures.capture("cpuinfo_x86_64_amd-epyc-7451_utillinux.txt"))
                .writeTo(tmp.resolve("h-" + System.nanoTime()));
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk, Shell.BASH);
        dev.gosetup.shell.EnvSetup setup = shells.setup();
        setup.apply(setup.plan(shells.spec(Settings.defaults()), java.util.EnumSet.of(Shell.BASH), java.util.Set.of()));
        InventorySources inventory = new InventorySources(root, home, sdk, tmp.resolve("cache-" + System.nanoTime()), null,
                Map.of("PATH", "/home/dev/sdk/go/bin:/home/dev/go/bin:/usr/bin"));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        context.apply(new Settings(Language.ENGLISH.tag()));
        window = new MainWindow(context, () -> new SnapshotHostSource(host), () -> null, () -> shells);
        window.useInventory(() -> inventory);
        Scene scene = new Scene(window, 980, 720);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    Label label(FxRobot robot, String query) {
        return robot.from(window).lookup(query).queryAs(Label.class);
    }

    @Test
    void vsCodesRemovedGoIsAProblemAndItsFixEditsOnlyTheValue(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(window).lookup("#navHealth").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(window).lookup("#fix-ide-vscode-goroot").tryQuery().isPresent());
        assertThat(label(robot, "#status-ide-vscode-goroot").getText()).isEqualTo("Problem");
        assertThat(robot.from(window).lookup("#finding-ide-vscode-goroot").lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("VS Code is set to a Go that is not there"))
                .anyMatch(t -> t.contains("/usr/local/go1.18"));

        robot.interact(() -> robot.from(window).lookup("#fix-ide-vscode-goroot").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.readString(settingsFile).contains("sdk/go\""));
        assertThat(Files.readString(settingsFile)).isEqualTo(SETTINGS.replace("/usr/local/go1.18", home.resolve("sdk/go").toString()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(window).lookup("#status-ide-vscode-goroot").tryQuery()
                .map(n -> ((Label) n).getText().equals("OK")).orElse(false));
    }
}
