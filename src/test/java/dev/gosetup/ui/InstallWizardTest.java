package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.testing.TarGzBuilder;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
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

/** The wizard end to end, headless: an M2 Mac, a release list and a mirror on loopback, a real install. */
@ExtendWith(ApplicationExtension.class)
class InstallWizardTest {
    @TempDir
    static Path tmp;
    LoopbackServer server;
    Path sdkRoot;
    Path home;
    byte[] zshrc;

    @Start
    void start(Stage stage) throws Exception {
        server = new LoopbackServer();
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        server.serve("/files/go1.22.5.darwin-arm64.tar.gz", archive);
        Path catalog = tmp.resolve("dl-" + System.nanoTime() + ".json");
        Files.writeString(catalog, """
                [{"version":"go1.22.5","stable":true,"files":[{"filename":"go1.22.5.darwin-arm64.tar.gz","os":"darwin",
                "arch":"arm64","version":"go1.22.5","sha256":"%s","size":%d,"kind":"archive"}]},
                {"version":"go1.21.12","stable":true,"files":[]},{"version":"go1.20.14","stable":true,"files":[]}]
                """.formatted(sha, archive.length));
        sdkRoot = tmp.resolve("sdk-" + System.nanoTime());
        Path snapshot = SnapshotBuilder.mac("x86_64")
                .sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt") + "sysctl.proc_translated: 1\n")
                .writeTo(tmp.resolve("m2-" + System.nanoTime()));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), null);
        InstallSources sources = new InstallSources(catalog.toString(), server.uri("/files/").toString(),
                FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"), tmp.resolve("cache"), new SdkRoot(sdkRoot));
        home = Files.createDirectories(tmp.resolve("home-" + System.nanoTime()));
        zshrc = Files.readAllBytes(Files.copy(Fixtures.root().resolve("rcfiles/zshrc__carmeloriolo_dotfiles__zsh_.zshrc"), home.resolve(".zshrc")));
        ShellSources shells = new ShellSources(new ShellFiles("mac", home, java.util.Map.of(), null), home,
                home.resolve(".config/gosetup"), sdkRoot, Shell.ZSH);
        MainWindow window = new MainWindow(context, () -> new SnapshotHostSource(snapshot), () -> sources, () -> shells);
        Scene scene = new Scene(window, 980, 720);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    static void scrollToBottom(FxRobot robot) {
        javafx.scene.control.ScrollPane page = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> page.setVvalue(page.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void choosesTheNativeBuildAndInstallsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        assertThat(robot.lookup("#wizardStep").queryAs(Label.class).getText()).isEqualTo("Step 2 of 5: Choose Go");
        assertThat(robot.lookup("#fileDetails").lookup(".fact-value").queryAllAs(Label.class))
                .extracting(Label::getText).contains("go1.22.5.darwin-arm64.tar.gz");
        robot.clickOn("#wizardNext");
        assertThat(robot.lookup("#installWhat").queryAs(Label.class).getText()).contains("go1.22.5");
        robot.clickOn("#startInstall");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#installResult").queryAs(Label.class).getText().contains("installed"));
        assertThat(robot.lookup("#installResult").queryAs(Label.class).getText()).contains("go1.22.5").contains(sdkRoot.toString())
                .as("how it was verified (these sources check the SHA-256 only)").contains("SHA-256 ✓ · signature not checked (turned off)");
        assertThat(sdkRoot.resolve("go1.22.5/.unpacked-success")).exists();
        assertThat(Files.readSymbolicLink(sdkRoot.resolve("go"))).isEqualTo(Path.of("go1.22.5"));
        assertThat(robot.lookup("#cancelInstall").queryAs(Button.class).isDisabled()).isTrue();

        // Step 4: the exact change to each file, written only on Apply, and taken back by Undo.
        robot.clickOn("#wizardNext");
        assertThat(robot.lookup("#wizardStep").queryAs(Label.class).getText()).isEqualTo("Step 4 of 5: Environment");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#envApply").queryButton().isDisabled());
        String diff = envDiffs(robot);
        assertThat(diff).contains("+++ b/.zshrc").contains("+++ b/.zprofile").contains("+# >>> gosetup >>>");
        assertThat(robot.lookup("#envFiles").queryAs(javafx.scene.layout.VBox.class).getChildren()).isNotEmpty();
        assertThat(robot.lookup("#envConflicts").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .as("the real .zshrc sets GOPATH: shown with what it means").isNotEmpty();
        assertThat(Files.readAllBytes(home.resolve(".zshrc"))).as("a preview writes nothing").isEqualTo(zshrc);
        robot.clickOn("#envGoproxy").write("https://goproxy.cn,direct").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> envDiffs(robot).contains("goproxy.cn")
                && !robot.lookup("#envApply").queryButton().isDisabled());
        assertThat(envDiffs(robot)).doesNotContain("_gosetup_folder_go");
        robot.clickOn("#envFolderVersions"); // opt-in: the per-folder Go shows in env.sh's diff before anything is written
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> envDiffs(robot).contains("+_gosetup_folder_go() {")
                && !robot.lookup("#envApply").queryButton().isDisabled());
        assertThat(robot.lookup("#wizardNext").queryButton().isDisabled()).as("not finished before Apply").isTrue();
        scrollToBottom(robot); // step 4 is taller than the window, as it may be for a user: scroll as they would
        robot.clickOn("#envApply");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("result: " + robot.lookup("#envResult").queryAs(Label.class).getText(), e);
        }
        assertThat(Files.readString(home.resolve(".zshrc"))).contains("# >>> gosetup >>>");
        assertThat(Files.readString(home.resolve(".config/gosetup/env.sh"))).contains("GOPROXY='https://goproxy.cn,direct'")
                .contains("GOTOOLCHAIN=go1.X.Y+path");
        assertThat(robot.lookup("#envResult").queryAs(Label.class).getText()).contains("new terminal")
                .contains("Wrote ~/.zshrc (backup: ~/.zshrc.gosetup-backup-").contains("Created ~/.zprofile");

        // Step 5: ready, and what a new terminal's go version will say.
        robot.clickOn("#wizardNext");
        assertThat(robot.lookup("#wizardStep").queryAs(Label.class).getText()).isEqualTo("Step 5 of 5: Ready");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#readyExpected").queryAs(Label.class).getText().contains("go version go1.22.5 darwin/arm64"));
        assertThat(robot.lookup("#readyHeadline").queryAs(Label.class).getText()).contains("go1.22.5");
        // Coming back shows what is set up, not "nothing to change".
        robot.clickOn("#wizardBack");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#envStatus").queryAs(Label.class).getText().startsWith("Set up on "));
        assertThat(robot.lookup("#envStatus").queryAs(Label.class).getText()).contains("~/.zshrc").contains("~/.zprofile");
        assertThat(robot.lookup("#wizardNext").queryButton().isDisabled()).isFalse();
        scrollToBottom(robot);
        robot.clickOn("#envUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#envResult").queryAs(Label.class).getText().contains("as they were"));
        assertThat(Files.readAllBytes(home.resolve(".zshrc"))).isEqualTo(zshrc);
        assertThat(home.resolve(".zprofile")).doesNotExist();
    }

    /** Found by the screenshot run: the release list can arrive before detection; the file is chosen when the machine is known. */
    @Test
    void theFileIsChosenWhenDetectionFinishesAfterTheReleaseList(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicReference<dev.gosetup.release.Platform> platform = new java.util.concurrent.atomic.AtomicReference<>();
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        Path catalog = Files.writeString(tmp.resolve("race-" + System.nanoTime() + ".json"), """
                [{"version":"go1.22.5","stable":true,"files":[{"filename":"go1.22.5.linux-amd64.tar.gz","os":"linux",
                "arch":"amd64","version":"go1.22.5","sha256":"%s","size":%d,"kind":"archive"}]}]
                """.formatted(sha, archive.length));
        InstallSources sources = new InstallSources(catalog.toString(), null, FetchPolicy.defaults(), tmp.resolve("cache"),
                new SdkRoot(tmp.resolve("race-sdk")));
        dev.gosetup.ui.setup.ChooseGoStep[] step = new dev.gosetup.ui.setup.ChooseGoStep[1];
        robot.interact(() -> step[0] = new dev.gosetup.ui.setup.ChooseGoStep(dev.gosetup.i18n.Messages.of(dev.gosetup.i18n.Language.ENGLISH),
                () -> sources, platform::get));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !((javafx.scene.control.ListView<?>) step[0].lookup("#versionList")).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(step[0].planProperty().get()).as("no machine yet: no file").isNull();
        platform.set(dev.gosetup.release.Platform.parse("linux-amd64"));
        robot.interact(() -> step[0].platformChanged());
        assertThat(step[0].planProperty().get()).isNotNull();
        assertThat(step[0].planProperty().get().file().filename()).isEqualTo("go1.22.5.linux-amd64.tar.gz");
    }

    /** Every file's diff in step 4, in order. */
    static String envDiffs(FxRobot robot) {
        return robot.lookup(".env-diff").queryAllAs(javafx.scene.control.TextArea.class).stream()
                .map(javafx.scene.control.TextArea::getText).collect(java.util.stream.Collectors.joining());
    }
}
