package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.BlockEditor;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.ui.setup.EnvironmentStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's shell step in Simplified Chinese, on a real home whose .zshrc has damaged gosetup markers. */
@ExtendWith(ApplicationExtension.class)
class EnvironmentStepChineseTest {
    @TempDir
    Path tmp;

    @Test
    void aStartupFileThatCannotBeChangedIsExplainedInChineseAndNothingCanBeApplied(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path zshrc = Files.writeString(home.resolve(".zshrc"), "export EDITOR=vim\n" + BlockEditor.START + "\n. ~/old\n");
        byte[] before = Files.readAllBytes(zshrc);
        ShellSources shells = new ShellSources(new ShellFiles("mac", home, Map.of(), null), home, home.resolve(".config/gosetup"),
                home.resolve("sdk"), Shell.ZSH);
        robot.interact(() -> {
            EnvironmentStep step = new EnvironmentStep(Messages.of(Language.SIMPLIFIED_CHINESE), () -> shells, Settings::defaults, s -> { });
            Stage stage = new Stage();
            stage.setScene(new Scene(step, 900, 700));
            stage.show();
            step.enter();
        });
        Label status = robot.lookup("#envStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().contains(zshrc.toString()));
        String text = dev.gosetup.testing.FxRead.onFx(status::getText);
        assertThat(text).startsWith("以下文件无法修改，因此不会写入任何内容：")
                .contains(zshrc + " 中的 gosetup 标记已损坏（行号：2）")
                .contains("请修复或删除 " + zshrc + " 中的这些行，然后重试。")
                .doesNotContain("damaged").doesNotContain("[startup.");
        assertThat(dev.gosetup.testing.FxRead.onFx(() -> robot.lookup("#envApply").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(Files.readAllBytes(zshrc)).isEqualTo(before);
    }
}
