package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.cleanup.Cleanup;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.testing.RealBinaries;
import dev.gosetup.ui.common.Styles;
import dev.gosetup.ui.common.WhyDisabled;
import dev.gosetup.ui.versions.CleanupSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Free disk space on the Installed versions page, on a real install root: nothing can be freed before the check,
 * the check lists each kind with its size and what is kept or not ours, and only what is ticked is freed.
 */
@ExtendWith(ApplicationExtension.class)
class CleanupSectionTest {
    @TempDir
    Path home;

    CleanupSection open(FxRobot robot, Language language, AtomicInteger refreshed) throws Exception {
        Path sdk = home.resolve("sdk");
        RealBinaries.copy(RealBinaries.LINUX_AMD64, sdk.resolve("go1.22.5/bin/go"));
        Files.createFile(sdk.resolve("go1.22.5").resolve(SdkRoot.MARKER));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        Files.createDirectories(sdk.resolve("go1.20.14/bin"));
        Files.write(sdk.resolve("go1.20.14/bin/go"), new byte[2 << 20]);
        Files.createFile(sdk.resolve("go1.20.14").resolve(SdkRoot.MARKER));
        Files.createDirectories(sdk.resolve(".downloads"));
        Files.write(sdk.resolve(".downloads/go1.23.5.linux-amd64.tar.gz.partial"), new byte[3000]);
        Files.createDirectories(sdk.resolve("old-go-by-hand"));
        Messages m = Messages.of(language);
        CleanupSection[] section = new CleanupSection[1];
        // no go env here: the caches are not offered, the rest is real
        robot.interact(() -> {
            section[0] = new CleanupSection(m, () -> new CleanupSection.Source(new Cleanup(new SdkRoot(sdk), Map.of("PATH", "/usr/bin:/bin")),
                    Map.of()), home, refreshed::incrementAndGet);
            Stage stage = new Stage();
            Scene scene = new Scene(section[0], 700, 500);
            scene.getStylesheets().add(Styles.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        return section[0];
    }

    @Test
    void checkFirstThenOnlyWhatIsTickedIsFreed(FxRobot robot) throws Exception {
        AtomicInteger refreshed = new AtomicInteger();
        CleanupSection section = open(robot, Language.ENGLISH, refreshed);
        Button free = robot.from(section).lookup("#cleanupFree").queryAs(Button.class);
        assertThat(free.isDisabled()).isTrue();
        assertThat(((WhyDisabled) free.getParent()).getReason()).isEqualTo("First check what can be freed.");

        robot.clickOn(robot.from(section).lookup("#cleanupScan").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(section).lookup("#cleanup-VERSIONS").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // the section is filled in one FX event: let it finish
        CheckBox versions = robot.from(section).lookup("#cleanup-VERSIONS").queryAs(CheckBox.class);
        CheckBox leftovers = robot.from(section).lookup("#cleanup-LEFTOVERS").queryAs(CheckBox.class);
        assertThat(versions.getText()).startsWith("Versions neither active nor needed by a known project: 1, 2");
        assertThat(leftovers.getText()).startsWith("Interrupted installs and partial downloads: 1, ");
        assertThat(versions.isSelected()).as("nothing is ticked for the user").isFalse();
        assertThat(robot.from(section).lookup("#cleanupFound").lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("go1.20.14", "Kept: go1.22.5 (active)", "Not gosetup's, left alone: ~/sdk/old-go-by-hand");
        assertThat(free.isDisabled()).isTrue();
        assertThat(((WhyDisabled) free.getParent()).getReason()).isEqualTo("Tick what you want to free.");

        robot.clickOn(versions);
        assertThat(free.isDisabled()).isFalse();
        robot.clickOn(free);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> refreshed.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(section).lookup("#cleanupStatus").queryAs(Label.class).getText()).startsWith("Removed 1 version: 2");
        assertThat(home.resolve("sdk/go1.20.14")).doesNotExist();
        assertThat(home.resolve("sdk/.downloads/go1.23.5.linux-amd64.tar.gz.partial")).as("not ticked").exists();
        assertThat(home.resolve("sdk/old-go-by-hand")).isDirectory();
        assertThat(home.resolve("sdk/go1.22.5/bin/go")).isRegularFile();
    }

    @Test
    void inChineseEveryLineIsChinese(FxRobot robot) throws Exception {
        CleanupSection section = open(robot, Language.SIMPLIFIED_CHINESE, new AtomicInteger());
        robot.clickOn(robot.from(section).lookup("#cleanupScan").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(section).lookup("#cleanup-VERSIONS").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // the section is filled in one FX event: let it finish
        assertThat(robot.from(section).lookup("#cleanup-VERSIONS").queryAs(CheckBox.class).getText()).startsWith("既未启用、也没有已知项目需要的版本");
        assertThat(robot.from(section).lookup("#cleanupFound").lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("保留：go1.22.5（当前启用）", "不属于 gosetup，保持不动：~/sdk/old-go-by-hand");
    }
}
