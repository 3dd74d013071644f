package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gosetup.AppContext;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Language;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.inventory.InventorySources;
import dev.gosetup.release.Platform;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.TarGzBuilder;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The update banner and the Installed versions page's rollback, in the window: go1.21.13 active, a release list over
 * loopback HTTP with go1.21.14, whose archive holds a bin/go script that answers the check as a real Go does (for
 * this machine's platform). The banner comes at most once a day by the clock given; offline it uses the cached list
 * and says how old it is.
 */
@ExtendWith(ApplicationExtension.class)
class UpdateUiTest {
    @TempDir
    Path tmp;

    Stage stage;
    MainWindow window;
    LoopbackServer server;
    Path sdk;
    Instant start = Instant.now();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void open(FxRobot robot, Language language) throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "bin/go is a shell script here");
        Platform here = Platform.of(new HostDetector().detect(ThisMachine.hostSource()));
        Path machine = Files.createDirectories(tmp.resolve("machine"));
        Path home = Files.createDirectories(machine.resolve("home/dev"));
        sdk = home.resolve("sdk");
        Path old = Files.createDirectories(sdk.resolve("go1.21.13/bin"));
        Files.writeString(old.resolve("go"), "#!/bin/sh\necho go version go1.21.13 " + here.os() + "/" + here.arch() + "\n");
        Files.writeString(old.getParent().resolve("VERSION"), "go1.21.13\n");
        Files.createFile(old.getParent().resolve(".unpacked-success"));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.21.13"));

        String name = "go1.21.14." + here.os() + "-" + here.arch() + ".tar.gz";
        byte[] archive = new TarGzBuilder()
                .file("go/VERSION", "go1.21.14\ntime 2024-12-03T00:00:00Z\n", 0644)
                .file("go/bin/go", """
                        #!/bin/sh
                        root="$(cd "$(dirname "$0")/.." && pwd)"
                        case "$1" in
                        version) echo "go version go1.21.14 %1$s/%2$s" ;;
                        env) echo "$root"; echo go1.21.14; echo %1$s; echo %2$s ;;
                        *) exit 2 ;;
                        esac
                        """.formatted(here.os(), here.arch()), 0755)
                .build();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        String list = """
                [{"version":"go1.21.14","stable":true,"files":[{"filename":"%s","os":"%s","arch":"%s","version":"go1.21.14",
                  "sha256":"%s","size":%d,"kind":"archive"}]},
                 {"version":"go1.21.13","stable":true,"files":[]}]
                """.formatted(name, here.os(), here.arch(), sha, archive.length);
        server = new LoopbackServer().serve("/dl.json", list.getBytes()).serve("/" + name, archive);
        InstallSources installs = new InstallSources(server.uri("/dl.json").toString(), server.uri("/").toString(),
                dev.gosetup.fetch.FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"), tmp.resolve("cache"), new SdkRoot(sdk));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), null);
        context.apply(context.settings().withLanguage(language.tag()));
        InventorySources inventory = new InventorySources(machine, home, sdk, tmp.resolve("inventory-cache"), null,
                Map.of("PATH", "/usr/bin")).withNewTerminal(() -> Optional.of(sdk.resolve("go/bin/go")));
        robot.interact(() -> {
            window = new MainWindow(context, ThisMachine::hostSource, () -> installs);
            window.useInventory(() -> inventory);
            Scene scene = new Scene(window, 980, 680);
            scene.getStylesheets().add(Styles.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    private Node banner(FxRobot robot) {
        return robot.from(window).lookup("#updateBanner").query();
    }

    private String text(FxRobot robot, String id) {
        return robot.from(window).lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theBannerComesOnceADayAndItsButtonUpdatesThenTheVersionsPageRollsBack(FxRobot robot) throws Exception {
        open(robot, Language.ENGLISH);
        assertThat(banner(robot).isVisible()).as("nothing before the check").isFalse();
        robot.interact(() -> window.checkForUpdates(at(start)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> banner(robot).isVisible());
        assertThat(text(robot, "#updateText")).isEqualTo("go1.21.13 has a newer patch: go1.21.14.");
        assertThat(robot.from(window).lookup("#updateNow").queryAs(Button.class).getText()).isEqualTo("Update to go1.21.14");
        assertThat(robot.from(window).lookup("#updateNotNow").queryAs(Button.class).getText()).isEqualTo("Not now");
        WaitForAsyncUtils.waitForFxEvents();
        PageChecks.nothingCut(window, 980);
        dev.gosetup.testing.Screens.save(stage.getScene(), "update-banner.png");

        robot.clickOn(robot.from(window).lookup("#updateNotNow").queryAs(Node.class));
        assertThat(banner(robot).isVisible()).isFalse();
        int requests = server.requests();
        // Later the same day (another start): not asked again, not shown again.
        robot.interact(() -> window.checkForUpdates(at(start.plus(Duration.ofHours(5)))));
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner(robot).isVisible()).isFalse();
        assertThat(server.requests()).isEqualTo(requests);
        // The next day: again.
        robot.interact(() -> window.checkForUpdates(at(start.plus(Duration.ofHours(25)))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> banner(robot).isVisible());

        robot.clickOn(robot.from(window).lookup("#updateNow").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#updateText")
                .equals("go1.21.14 is now the active Go; go1.21.13 stays installed."));
        assertThat(Files.readSymbolicLink(sdk.resolve("go"))).isEqualTo(Path.of("go1.21.14"));
        assertThat(sdk.resolve("go1.21.13/bin/go")).exists();
        assertThat(robot.from(window).lookup("#updateNow").queryAs(Button.class).isVisible()).isFalse();
        assertThat(robot.from(window).lookup("#updateNotNow").queryAs(Button.class).getText()).isEqualTo("Close");

        robot.interact(() -> window.show(MainWindow.Page.VERSIONS));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(window).lookup("#versionsRollback").queryAs(Button.class).isVisible());
        Button rollback = robot.from(window).lookup("#versionsRollback").queryAs(Button.class);
        assertThat(rollback.getText()).isEqualTo("Roll back to go1.21.13");
        WaitForAsyncUtils.waitForFxEvents();
        dev.gosetup.testing.Screens.save(stage.getScene(), "versions-rollback.png");
        robot.clickOn(rollback);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.readSymbolicLink(sdk.resolve("go")).equals(Path.of("go1.21.13")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "go1.21.13 is the active Go again.".equals(text(robot, "#versionsRolledBack")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.from(window).lookup("#versionsRollback").queryAs(Button.class).isVisible());
    }

    @Test
    void offlineTheCachedListSpeaksAndSaysHowOldItIs(FxRobot robot) throws Exception {
        open(robot, Language.SIMPLIFIED_CHINESE);
        robot.interact(() -> window.checkForUpdates(at(start)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> banner(robot).isVisible());
        assertThat(text(robot, "#updateText")).isEqualTo("go1.21.13 有更新的补丁版本：go1.21.14。");
        assertThat(robot.from(window).lookup("#updateNow").queryAs(Button.class).getText()).isEqualTo("更新到 go1.21.14");
        robot.clickOn(robot.from(window).lookup("#updateNotNow").queryAs(Node.class));

        server.close(); // offline from now on
        robot.interact(() -> window.checkForUpdates(at(start.plus(Duration.ofHours(26)))));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> banner(robot).isVisible());
        assertThat(text(robot, "#updateText")).isEqualTo("go1.21.13 有更新的补丁版本：go1.21.14。（来自 26 小时前保存的发布列表：当前离线。）");
        WaitForAsyncUtils.waitForFxEvents();
        PageChecks.nothingCut(window, 980);
        dev.gosetup.testing.Screens.save(stage.getScene(), "update-banner-offline-zh.png");
    }

    /** The Health check page says it too, from the list the banner saved (the page itself fetches nothing for it). */
    @Test
    void theHealthPageNamesTheNewerPatchAndTheCommand(FxRobot robot) throws Exception {
        open(robot, Language.ENGLISH);
        robot.interact(() -> window.checkForUpdates(at(start)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> banner(robot).isVisible());
        server.close(); // offline: what the page shows comes from the saved list
        robot.clickOn(robot.from(window).lookup("#navHealth").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(window).lookup("#finding-go-update").tryQuery().isPresent());
        assertThat(robot.from(window).lookup("#status-go-update").queryAs(Label.class).getText()).isEqualTo("Warning");
        assertThat(robot.from(window).lookup("#finding-go-update").lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("go1.21.14")).anyMatch(t -> t.contains("gosetup update"));
    }
}
