package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.i18n.Language;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.SettingsStore;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window, headless (JavaFX's own Headless glass platform), over a captured M2 Mac under Rosetta 2. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path tmp;

    AppContext context;

    @Start
    void start(Stage stage) {
        Path snapshot = SnapshotBuilder.mac("x86_64")
                .sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt") + "sysctl.proc_translated: 1\nkern.osproductversion: 15.1\n")
                .writeTo(tmp.resolve("m2-" + System.nanoTime()));
        context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        MainWindow window = new MainWindow(context, () -> new SnapshotHostSource(snapshot));
        Scene scene = new Scene(window, 980, 680);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private void waitForDetection(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#hostConsequence").queryAs(Label.class).getText().contains("darwin"));
    }

    @Test
    void thisComputerStepStatesTheDetectionAndItsConsequence(FxRobot robot) throws Exception {
        waitForDetection(robot);
        String headline = robot.lookup("#hostHeadline").queryAs(Label.class).getText();
        assertThat(headline).contains("Apple M2").contains("macOS 15.1").contains("Rosetta 2");
        assertThat(robot.lookup("#hostConsequence").queryAs(Label.class).getText())
                .isEqualTo("Go will be installed for the native arm64 CPU (darwin-arm64).");
        assertThat(robot.lookup("#wizardStep").queryAs(Label.class).getText()).isEqualTo("Step 1 of 5: This computer");
        // What detection could not tell is shown, not hidden.
        assertThat(robot.lookup(".fact-unknown").queryAll()).isNotEmpty();
    }

    @Test
    void navigationReachesEveryPageAndNoPageInventsContent(FxRobot robot) throws Exception {
        waitForDetection(robot);
        robot.clickOn("#navVersions");
        assertThat(robot.lookup("#versionsTable").tryQuery()).isPresent();
        robot.clickOn("#navHealth");
        assertThat(robot.lookup("#healthFindings").tryQuery()).isPresent();
        robot.clickOn("#navSettings");
        assertThat(robot.lookup("#languageChoice").tryQuery()).isPresent();
        robot.clickOn("#navSetup");
        assertThat(robot.lookup("#hostHeadline").tryQuery()).isPresent();
        assertThat(robot.lookup("#navSetup").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void choosingChineseRelabelsTheWindowAtOnceAndIsSaved(FxRobot robot) throws Exception {
        waitForDetection(robot);
        robot.clickOn("#navSettings");
        ComboBox<Language> choice = robot.lookup("#languageChoice").queryComboBox();
        robot.interact(() -> choice.setValue(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#navSettings").queryAs(ToggleButton.class).getText()).isEqualTo("设置");
        assertThat(robot.lookup("#navSetup").queryAs(ToggleButton.class).getText()).isEqualTo("安装 Go");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "zh-CN".equals(new SettingsStore(context.settingsStore().file()).load().language()));
        robot.clickOn("#navSetup");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#hostConsequence").queryAs(Label.class).getText().contains("darwin-arm64"));
        assertThat(robot.lookup("#hostConsequence").queryAs(Label.class).getText()).contains("将为本机原生的 arm64 CPU 安装 Go");
    }

    /**
     * A Chinese font comes first only while the window speaks Chinese: in English the CJK fonts are not read for
     * every Latin letter (40 MiB of the window's memory), and Chinese gets its own font again when chosen.
     */
    @Test
    void theChineseFontComesFirstOnlyInChinese(FxRobot robot) throws Exception {
        waitForDetection(robot);
        Label headline = robot.lookup("#hostHeadline").queryAs(Label.class);
        assertThat(headline.getScene().getRoot().getStyleClass()).doesNotContain("lang-zh");
        assertThat(headline.getFont().getFamily()).doesNotContain("CJK");
        robot.clickOn("#navSettings");
        ComboBox<Language> choice = robot.lookup("#languageChoice").queryComboBox();
        robot.interact(() -> choice.setValue(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        Label settings = robot.lookup(".page-title").queryAs(Label.class);
        assertThat(settings.getScene().getRoot().getStyleClass()).contains("lang-zh");
        if (javafx.scene.text.Font.getFamilies().contains("Noto Sans CJK SC")) { // .ci/run installs fonts-noto-cjk
            assertThat(settings.getFont().getFamily()).isEqualTo("Noto Sans CJK SC");
        }
        ComboBox<Language> again = robot.lookup("#languageChoice").queryComboBox();
        robot.interact(() -> again.setValue(Language.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup(".page-title").queryAs(Label.class);
        assertThat(title.getScene().getRoot().getStyleClass()).doesNotContain("lang-zh");
        assertThat(title.getFont().getFamily()).doesNotContain("CJK");
    }

    @Test
    void switchingLanguageKeepsTheWizardWhereItWas(FxRobot robot) throws Exception {
        waitForDetection(robot);
        robot.clickOn("#wizardNext");
        assertThat(robot.lookup("#wizardStep").queryAs(Label.class).getText()).isEqualTo("Step 2 of 5: Choose Go");
        robot.clickOn("#navSettings");
        ComboBox<Language> choice = robot.lookup("#languageChoice").queryComboBox();
        robot.interact(() -> choice.setValue(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#navSetup");
        // Detection runs again in the rebuilt window; the wizard then comes back to step 2 by itself.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#wizardStep").queryAs(Label.class).getText().equals("第 2 步，共 5 步：选择 Go 版本"));
    }

    /** At the smallest window size, with the longest step (many facts and notes), Back and Next stay in view. */
    @Test
    void backAndNextStayInViewAt800x560(FxRobot robot) throws Exception {
        waitForDetection(robot);
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#wizardNext").query().getScene().getWindow();
            stage.setWidth(800);
            stage.setHeight(560);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#wizardNext", "#wizardBack"}) {
            javafx.scene.Node button = robot.lookup(id).query();
            javafx.geometry.Bounds inScene = button.localToScene(button.getBoundsInLocal());
            javafx.scene.Scene scene = button.getScene();
            assertThat(inScene.getMaxY()).as(id + " bottom within the window").isLessThanOrEqualTo(scene.getHeight());
            assertThat(inScene.getMaxX()).as(id + " right edge within the window").isLessThanOrEqualTo(scene.getWidth());
            assertThat(inScene.getMinY()).as(id + " not scrolled away").isGreaterThanOrEqualTo(0);
        }
    }

    /** Settings point at another release list (a mirror): Choose Go shows that list, not the one it had loaded. */
    @Test
    void anotherReleaseListInSettingsReloadsChooseGo(FxRobot robot) throws Exception {
        waitForDetection(robot);
        Path a = java.nio.file.Files.writeString(tmp.resolve("list-a-" + System.nanoTime() + ".json"), list("go1.22.5"));
        Path b = java.nio.file.Files.writeString(tmp.resolve("list-b-" + System.nanoTime() + ".json"), list("go1.23.4"));
        robot.interact(() -> context.apply(context.settings().withSources(a.toString(), null, java.util.List.of())));
        robot.clickOn("#wizardNext");
        javafx.scene.control.ListView<?> versions = robot.lookup("#versionList").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().toString().contains("go1.22.5"));
        robot.interact(() -> context.apply(context.settings().withSources(b.toString(), null, java.util.List.of())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().toString().contains("go1.23.4"));
        assertThat(versions.getItems().toString()).doesNotContain("go1.22.5");
    }

    private static String list(String version) {
        return """
                [{"version":"%s","stable":true,"files":[{"filename":"%s.darwin-arm64.tar.gz","os":"darwin","arch":"arm64",
                "version":"%s","sha256":"%s","size":1000,"kind":"archive"}]}]
                """.formatted(version, version, version, "ab".repeat(32));
    }
}
