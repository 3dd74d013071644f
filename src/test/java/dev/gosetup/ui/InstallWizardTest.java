package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.settings.AppPaths;
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
        MainWindow window = new MainWindow(context, () -> new SnapshotHostSource(snapshot), () -> sources);
        Scene scene = new Scene(window, 980, 720);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
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
        assertThat(robot.lookup("#wizardStep").queryAs(Label.class).getText()).isEqualTo("Step 2 of 3: Choose Go");
        assertThat(robot.lookup("#fileDetails").lookup(".fact-value").queryAllAs(Label.class))
                .extracting(Label::getText).contains("go1.22.5.darwin-arm64.tar.gz");
        robot.clickOn("#wizardNext");
        assertThat(robot.lookup("#installWhat").queryAs(Label.class).getText()).contains("go1.22.5");
        robot.clickOn("#startInstall");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#installResult").queryAs(Label.class).getText().contains("installed"));
        assertThat(robot.lookup("#installResult").queryAs(Label.class).getText()).contains("go1.22.5").contains(sdkRoot.toString());
        assertThat(sdkRoot.resolve("go1.22.5/.unpacked-success")).exists();
        assertThat(Files.readSymbolicLink(sdkRoot.resolve("go"))).isEqualTo(Path.of("go1.22.5"));
        assertThat(robot.lookup("#cancelInstall").queryAs(Button.class).isDisabled()).isTrue();
    }
}
