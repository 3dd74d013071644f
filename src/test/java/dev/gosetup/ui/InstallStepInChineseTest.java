package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.TarGzBuilder;
import dev.gosetup.ui.common.Styles;
import dev.gosetup.ui.setup.InstallStep;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
 * The wizard's install step in Chinese, failing for real (a mirror on loopback serves bytes that are not the ones
 * the list promises): what happened, what to do and where in the window, all in Chinese, with both digests.
 */
@ExtendWith(ApplicationExtension.class)
class InstallStepInChineseTest {
    static final String FILE = "go1.22.5.linux-amd64.tar.gz";
    static final String PROMISED = "cd".repeat(32);

    @TempDir
    static Path tmp;
    LoopbackServer server;
    String actual;

    @Start
    void start(Stage stage) throws Exception {
        server = new LoopbackServer();
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        server.serve("/files/" + FILE, archive);
        InstallSources sources = new InstallSources(null, server.uri("/files/").toString(),
                FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"), tmp.resolve("cache"), new SdkRoot(tmp.resolve("sdk")));
        InstallStep step = new InstallStep(Messages.of(Locale.SIMPLIFIED_CHINESE), () -> sources, tmp);
        step.setPlan(sources.plan(GoVersion.parse("go1.22.5").orElseThrow(),
                new GoFile(FILE, "linux", "amd64", "go1.22.5", PROMISED, archive.length, "archive")));
        Scene scene = new Scene(step, 800, 600);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aChecksumMismatchIsExplainedInChinese(FxRobot robot) throws Exception {
        robot.clickOn("#startInstall");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#installResult").queryAs(Label.class).getText().isEmpty());
        String result = robot.lookup("#installResult").queryAs(Label.class).getText();
        assertThat(result).startsWith(FILE + " 的 SHA-256 是 " + actual + "，但发布列表给出的是 " + PROMISED + "。没有安装任何内容。\n"
                + "文件可能在传输途中被（代理或镜像）修改了。请换一个镜像试试。\n\n");
        assertThat(result).contains("请在设置中换一个镜像");
        assertThat(result).doesNotContain("The SHA-256").doesNotContain("[checksum.");
        assertThat(robot.lookup("#installPhase").queryAs(Label.class).getText()).isEqualTo("安装未完成。没有做任何更改。");
        assertThat(robot.lookup("#startInstall").queryButton().isDisabled()).as("it can be tried again").isFalse();
    }
}
