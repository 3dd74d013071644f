package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.i18n.Language;
import dev.gosetup.install.ActiveLink;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.ProjectFolders;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.MultiGoMirror;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Projects page for a home with Go 1.21.13 active, 1.22.12 beside it (both with their go1.X.Y commands and
 * gosetup's env block): three remembered projects show what they ask for, what runs and why; the one whose
 * toolchain line asks for go1.23.5 gets an Install button that installs the real go1.23.5 from the multi-version
 * mirror, verified, after which it runs from PATH. Pictures in both languages (target/screenshots/projects-*.png).
 */
@RunsLinuxAmd64Go
@ExtendWith(ApplicationExtension.class)
@Timeout(300)
class ProjectsPageTest {
    @TempDir
    Path tmp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static void fakeGo(Path sdk, String version) throws Exception {
        Path root = Files.createDirectories(sdk.resolve("go" + version + "/bin"));
        Path go = root.resolve("go");
        Files.writeString(go, "#!/bin/sh\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolveSibling("VERSION"), "go" + version + "\ntime 2025-01-31T18:38:03Z\n");
        Files.writeString(root.resolveSibling("go.env"), "GOPROXY=https://proxy.golang.org,direct\nGOTOOLCHAIN=auto\n");
        Files.createFile(root.resolveSibling(SdkRoot.MARKER));
    }

    private Path project(Path home, String name, Map<String, String> files) throws Exception {
        Path dir = Files.createDirectories(home.resolve("src/" + name));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    @Test
    void eachProjectSaysWhatRunsAndWhyAndInstallsWhatIsMissing(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("alex"));
        Path sdk = home.resolve("sdk");
        fakeGo(sdk, "1.21.13");
        fakeGo(sdk, "1.22.12");
        SdkRoot root = new SdkRoot(sdk, new ActiveLink.Symlink());
        root.activate(dev.gosetup.release.GoVersion.parse("go1.21.13").orElseThrow());
        root.syncCommands();
        Files.writeString(home.resolve(".bashrc"), "# ~/.bashrc\nexport EDITOR=vim\n");
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk, Shell.BASH);
        var setup = shells.setup();
        setup.apply(setup.plan(shells.spec(Settings.defaults()), Set.of(Shell.BASH), Set.of()));
        Path payments = project(home, "payments", Map.of("go.mod", "module example.com/payments\n\ngo 1.22.12\n", ".go-version", "1.21\n"));
        Path billing = project(home, "billing", Map.of("go.mod", "module example.com/billing\n\ngo 1.21.0\n\ntoolchain go1.23.5\n"));
        Path scripts = project(home, "scripts", Map.of(".tool-versions", "golang 1.22.12\n"));
        AppPaths paths = AppPaths.forHome(home);
        new ProjectFolders(paths.configDir()).save(List.of(payments, billing, scripts));
        Path mirror = MultiGoMirror.dir();

        for (Language language : new Language[] {Language.ENGLISH, Language.SIMPLIFIED_CHINESE}) {
            String suffix = language == Language.ENGLISH ? "en" : "zh-CN";
            AppContext context = AppContext.of(paths, paths.logDir().resolve("gosetup0.log"), home);
            context.apply(new Settings(language.tag(), mirror.resolve("dl.json").toString(), mirror.toString(), List.of(), sdk.toString()));
            MainWindow[] window = new MainWindow[1];
            robot.interact(() -> {
                window[0] = new MainWindow(context, () -> new dev.gosetup.host.snapshot.SnapshotHostSource(
                        dev.gosetup.testing.SnapshotBuilder.linux("amd64").writeTo(tmp.resolve("host-" + suffix))),
                        () -> dev.gosetup.install.InstallSources.of(context.settings(), paths, sdk), () -> shells);
                window[0].show(MainWindow.Page.PROJECTS);
                Scene scene = new Scene(window[0], 1024, 760);
                scene.getStylesheets().add(Styles.stylesheet());
                stage.setScene(scene);
                stage.show();
            });
            VBox list = robot.lookup("#projectsList").queryAs(VBox.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getChildren().size() == 3);
            WaitForAsyncUtils.waitForFxEvents();
            String text = texts(list);
            if (language == Language.ENGLISH) {
                assertThat(text).contains("~/src/payments").contains("go.mod, line 3: go 1.22.12 — needs go1.22.12: installed (go1.22.12)")
                        .contains("Runs: go1.22.12 from PATH (~/sdk/bin/go1.22.12). A verified install of gosetup's.")
                        .contains("GOTOOLCHAIN=auto, the default of that Go (~/sdk/go1.21.13/go.env).")
                        .contains("Contradiction: go.mod says \"go 1.22.12\", but .go-version asks for 1.21")
                        .contains("Runs: go1.23.5, downloaded by the go command from GOPROXY")
                        .contains(".tool-versions, line 1: golang 1.22.12 — needs go1.22.12: installed (go1.22.12)");
            } else {
                assertThat(text).contains("运行：PATH 中的 go1.22.12（~/sdk/bin/go1.22.12）").contains("矛盾：");
            }
            Thread.sleep(300);
            dev.gosetup.testing.Screens.save(stage.getScene(), "projects-" + suffix + ".png");
        }

        // The install button of billing (English window is gone; the Chinese one is showing): the real go1.23.5, verified.
        Button install = robot.lookup("#projectInstall").queryAs(Button.class);
        assertThat(install.getText()).isEqualTo("安装 1.23.5");
        robot.interact(install::fire);
        VBox list = robot.lookup("#projectsList").queryAs(VBox.class);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> Files.isSymbolicLink(sdk.resolve("bin/go1.23.5"))
                && texts(list).contains("运行：PATH 中的 go1.23.5"));
        assertThat(sdk.resolve("go1.23.5/bin/go")).isExecutable();
        assertThat(robot.lookup("#projectInstall").tryQuery()).as("nothing missing any more").isEmpty();
        Thread.sleep(300);
        dev.gosetup.testing.Screens.save(stage.getScene(), "projects-installed-zh-CN.png");
    }

    private static String texts(Node root) {
        StringBuilder out = new StringBuilder();
        for (Node n : PageChecks.all(root)) {
            if (n instanceof Label l) {
                out.append(l.getText()).append('\n');
            }
        }
        return out.toString();
    }
}
