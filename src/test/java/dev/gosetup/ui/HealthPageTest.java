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
 * The Health check page on a Linux machine built in a folder: a CRLF .bashrc is a problem (red round cross,
 * the word Problem), GOPROXY=direct a warning (amber triangle, Warning), the rest OK (green tick); Fix says
 * what it wrote and the backup, checks again by itself and shows the check passing.
 */
@ExtendWith(ApplicationExtension.class)
class HealthPageTest {
    @TempDir
    static Path tmp;
    Path home;
    Stage stage;
    MainWindow window;

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
        Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\r\nalias ll='ls -l'\r\n");
        Path host = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", Fixtures.capture("cpuinfo_x86_64_amd-epyc-7451_utillinux.txt"))
                .writeTo(tmp.resolve("h-" + System.nanoTime()));
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk, Shell.BASH);
        // Set up as gosetup does, so that new terminals (the page starts real shells) run this Go.
        dev.gosetup.shell.EnvSetup setup = shells.setup();
        setup.apply(setup.plan(shells.spec(Settings.defaults()), java.util.EnumSet.of(Shell.BASH), java.util.Set.of()));
        InventorySources inventory = new InventorySources(root, home, sdk, tmp.resolve("cache-" + System.nanoTime()), null,
                Map.of("PATH", "/home/dev/sdk/go/bin:/home/dev/go/bin:/usr/bin", "GOPROXY", "direct"));
        open(Language.ENGLISH, host, shells, inventory, 980, 720);
    }

    void open(Language language, Path host, ShellSources shells, InventorySources inventory, double width, double height) {
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        context.apply(new Settings(language.tag()));
        window = new MainWindow(context, () -> new SnapshotHostSource(host), () -> null, () -> shells);
        window.useInventory(() -> inventory);
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    Label label(FxRobot robot, String query) {
        return robot.from(window).lookup(query).queryAs(Label.class);
    }

    static boolean hasIcon(Node finding, String kind) {
        return !finding.lookupAll(".status-icon.status-" + kind).isEmpty();
    }

    @Test
    void problemsWarningsAndPassesDifferByShapeColourAndWordAndFixSaysWhatItDid(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(window).lookup("#navHealth").queryAs(javafx.scene.Node.class));
        // The findings and their Fix buttons arrive together once the check (real shells included) is done.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(window).lookup("#fix-crlf").tryQuery().isPresent());
        assertThat(label(robot, "#healthSummary").getText()).matches("Problems: \\d+ · Warnings: \\d+ · OK: \\d+");
        Node crlf = robot.from(window).lookup("#finding-crlf").query();
        assertThat(label(robot, "#status-crlf").getText()).isEqualTo("Problem");
        assertThat(hasIcon(crlf, "problem")).isTrue();
        assertThat(label(robot, "#status-goproxy").getText()).isEqualTo("Warning");
        assertThat(hasIcon(robot.from(window).lookup("#finding-goproxy").query(), "warning")).isTrue();
        assertThat(label(robot, "#status-go-on-path").getText()).isEqualTo("OK");
        assertThat(hasIcon(robot.from(window).lookup("#finding-go-on-path").query(), "ok")).isTrue();
        assertThat(robot.from(window).lookup("#finding-go-on-path").lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("go1.22.5"));
        // the three marks are different shapes, not one shape in three colours
        assertThat(List.of(shape(robot, "crlf"), shape(robot, "goproxy"), shape(robot, "go-on-path"))).doesNotHaveDuplicates();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(window).lookup("#fix-crlf").tryQuery().isPresent());
        robot.interact(() -> robot.from(window).lookup("#fix-crlf").queryButton().fire()); // the click, without the pointer's travel
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !Files.readString(home.resolve(".bashrc")).contains("\r"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> label(robot, "#healthFixResult").getText().contains("now passes"));
        String result = label(robot, "#healthFixResult").getText();
        assertThat(result).contains("~/.bashrc (backup: ~/.bashrc.gosetup-backup-").contains("Windows line endings");
        assertThat(label(robot, "#healthFixResult").isVisible()).isTrue();
        assertThat(robot.from(window).lookup("#fix-crlf").tryQuery()).as("the check passes now: nothing left to fix").isEmpty();
        assertThat(label(robot, "#status-crlf").getText()).isEqualTo("OK");
        assertThat(label(robot, "#healthSummary").getText()).startsWith("Problems: 0");
    }

    /** The mark's shape: the path data and the kinds of its parts. */
    private String shape(FxRobot robot, String id) {
        Node icon = robot.from(window).lookup("#finding-" + id).lookup(".status-icon").query();
        StringBuilder sb = new StringBuilder();
        for (Node n : PageChecks.all(icon)) {
            sb.append(n.getClass().getSimpleName());
            if (n instanceof javafx.scene.shape.SVGPath p) {
                sb.append(p.getContent());
            }
        }
        return sb.toString();
    }

    @Test
    void inChineseAtTheSmallestWindowEveryWordIsWhole(FxRobot robot) throws Exception {
        Path host = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", Fixtures.capture("cpuinfo_x86_64_amd-epyc-7451_utillinux.txt"))
                .writeTo(tmp.resolve("h-" + System.nanoTime()));
        Path sdk = home.resolve("sdk");
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk, Shell.BASH);
        InventorySources inventory = new InventorySources(home.getParent().getParent(), home, sdk, tmp.resolve("cache-" + System.nanoTime()), null,
                Map.of("PATH", "/home/dev/sdk/go/bin:/usr/bin", "GOPROXY", "direct"));
        for (Language language : new Language[] {Language.SIMPLIFIED_CHINESE, Language.ENGLISH}) {
            robot.interact(() -> {
                open(language, host, shells, inventory, 800, 560);
                window.show(MainWindow.Page.HEALTH);
            });
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.from(window).lookup("#finding-crlf").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            if (language == Language.SIMPLIFIED_CHINESE) {
                assertThat(label(robot, "#status-crlf").getText()).isEqualTo("问题");
                assertThat(label(robot, "#status-goproxy").getText()).isEqualTo("警告");
                assertThat(label(robot, "#status-go-on-path").getText()).isEqualTo("正常");
                assertThat(label(robot, "#healthSummary").getText()).matches("问题：\\d+ · 警告：\\d+ · 正常：\\d+");
            }
            PageChecks.nothingCut(window, 800);
            PageChecks.everyDisabledButtonSaysWhy(window);
        }
    }
}
