package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.i18n.Language;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.MirrorPreset;
import dev.gosetup.settings.Settings;
import dev.gosetup.settings.SettingsStore;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings page: the log file whole with Open and Copy; a mirror preset fills the release list, file
 * mirror, GOPROXY and GOSUMDB at once and saving it tells Choose Go to reload; what is typed is checked.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsPageTest {
    @TempDir
    static Path tmp;
    Stage stage;
    AppContext context;
    MainWindow window;
    Path logFile;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        open(Language.ENGLISH, 980, 720);
    }

    void open(Language language, double width, double height) {
        Path snapshot = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", Fixtures.capture("cpuinfo_x86_64_amd-epyc-7451_utillinux.txt"))
                .writeTo(tmp.resolve("h-" + System.nanoTime()));
        Path logs = tmp.resolve("logs-" + System.nanoTime());
        logFile = logs.resolve("gosetup0.log");
        context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), logs), logFile);
        context.apply(new Settings(language.tag()));
        window = new MainWindow(context, () -> new SnapshotHostSource(snapshot));
        window.show(MainWindow.Page.SETTINGS);
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    TextField field(FxRobot robot, String id) {
        return robot.from(window).lookup("#" + id).queryAs(TextField.class);
    }

    @Test
    void theLogFileIsShownWholeWithOpenAndCopy(FxRobot robot) throws Exception {
        assertThat(field(robot, "logFileField").getText()).isEqualTo(logFile.toString());
        assertThat(robot.from(window).lookup("#openLogFolder").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn(robot.from(window).lookup("#copyLogPath").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(window).lookup("#settingsStatus").queryAs(Label.class).getText()).isEqualTo("Copied.");
        String clip = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(clip).isEqualTo(logFile.toString());
    }

    @Test
    void theChinaPresetFillsTheFourFieldsAndSavingItReloadsTheReleaseList(FxRobot robot) throws Exception {
        List<Settings> reloads = new ArrayList<>();
        context.onSourcesChanged(reloads::add);
        assertThat(robot.from(window).lookup("#verification").queryAs(Label.class).getText()).contains("go.dev").contains("SHA-256");
        @SuppressWarnings("unchecked")
        ComboBox<MirrorPreset> preset = robot.from(window).lookup("#mirrorPreset").queryAs(ComboBox.class);
        assertThat(preset.getValue()).isEqualTo(MirrorPreset.OFFICIAL);
        robot.interact(() -> preset.setValue(MirrorPreset.CHINA));
        assertThat(field(robot, "releaseListField").getText()).isEqualTo("https://golang.google.cn/dl/?mode=json&include=all");
        assertThat(field(robot, "fileMirrorField").getText()).isEqualTo("https://golang.google.cn/dl/");
        assertThat(field(robot, "goproxyField").getText()).isEqualTo("https://goproxy.cn,direct");
        assertThat(field(robot, "gosumdbField").getText()).isEqualTo("sum.golang.google.cn");
        assertThat(robot.from(window).lookup("#verification").queryAs(Label.class).getText()).contains("golang.google.cn").contains("official");
        robot.clickOn(robot.from(window).lookup("#saveSources").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(window).lookup("#settingsStatus").queryAs(Label.class).getText()).isEqualTo("Saved.");
        assertThat(reloads).as("Choose Go is told to reload").hasSize(1);
        assertThat(context.settings().fileMirror()).isEqualTo("https://golang.google.cn/dl/");
        assertThat(context.settings().goEnv()).containsEntry("GOPROXY", "https://goproxy.cn,direct");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "https://golang.google.cn/dl/".equals(
                new SettingsStore(context.settingsStore().file()).load().fileMirror()));

        // a company's archive mirror: the preset becomes Custom, the checksums still come from the official list
        robot.interact(() -> field(robot, "fileMirrorField").setText("https://artifactory.example.com/go/"));
        assertThat(preset.getValue()).isEqualTo(MirrorPreset.CUSTOM);
        assertThat(robot.from(window).lookup("#verification").queryAs(Label.class).getText()).contains("official");
        robot.interact(() -> field(robot, "releaseListField").setText("https://artifactory.example.com/go/dl.json"));
        assertThat(robot.from(window).lookup("#verification").queryAs(Label.class).getText()).contains("not Go's official one");
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved(FxRobot robot) throws Exception {
        robot.interact(() -> field(robot, "sdkRootField").setText("sdk"));
        robot.clickOn(robot.from(window).lookup("#saveSources").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(window).lookup("#settingsStatus").queryAs(Label.class).getText()).isEqualTo(
                "\"sdk\" is not a full path. Write one that starts with / (or ~/ for your home folder).");
        assertThat(field(robot, "sdkRootField").isFocused()).isTrue();
        assertThat(context.settings().sdkRoot()).isNull();
        assertThat(Files.exists(context.settingsStore().file())).isFalse();

        robot.interact(() -> {
            field(robot, "sdkRootField").setText("~/go-sdk");
            field(robot, "proxyField").setText("proxy.example.com:3128");
        });
        robot.clickOn(robot.from(window).lookup("#saveSources").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(window).lookup("#settingsStatus").queryAs(Label.class).getText()).contains("http://host:port");
        robot.interact(() -> field(robot, "proxyField").setText("http://proxy.example.com:3128"));
        robot.clickOn(robot.from(window).lookup("#saveSources").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.settings().sdkRoot()).isEqualTo(Path.of(System.getProperty("user.home"), "go-sdk").toString());
        assertThat(context.settings().proxy()).isEqualTo("http://proxy.example.com:3128");
        assertThat(robot.from(window).lookup("#browseSdkRoot").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.from(window).lookup("#browseGopath").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void atTheSmallestWindowInBothLanguagesNothingIsCut(FxRobot robot) {
        for (Language language : new Language[] {Language.SIMPLIFIED_CHINESE, Language.ENGLISH}) {
            robot.interact(() -> open(language, 800, 560));
            WaitForAsyncUtils.waitForFxEvents();
            if (language == Language.SIMPLIFIED_CHINESE) {
                assertThat(robot.from(window).lookup("#openLogFolder").queryAs(Button.class).getText()).isEqualTo("打开文件夹");
                assertThat(robot.from(window).lookup("#verification").queryAs(Label.class).getText()).contains("SHA-256").contains("官方");
            }
            PageChecks.nothingCut(window, 800);
            PageChecks.everyDisabledButtonSaysWhy(window);
        }
    }
}
