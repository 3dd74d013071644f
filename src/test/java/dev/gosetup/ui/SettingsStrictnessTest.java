package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import dev.gosetup.settings.SettingsStore;
import dev.gosetup.signature.Strictness;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.testing.TrustedTempDir;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings page's signature strictness: "if available" by default on a developer's own machine, saved like
 * every other setting; what a policy sets is marked, and locked unless the policy lets users change it.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsStrictnessTest {
    @TempDir(factory = TrustedTempDir.class)
    static Path tmp;

    MainWindow open(FxRobot robot, String policy) throws Exception {
        Path snapshot = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", Fixtures.capture("cpuinfo_x86_64_amd-epyc-7451_utillinux.txt"))
                .writeTo(tmp.resolve("h-" + System.nanoTime()));
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        if (policy != null) {
            context.usePolicy(Files.writeString(tmp.resolve("policy-" + System.nanoTime() + ".json"), policy));
        }
        context.apply(new Settings("en"));
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(context, () -> new SnapshotHostSource(snapshot));
            window[0].show(MainWindow.Page.SETTINGS);
            Stage stage = new Stage();
            Scene scene = new Scene(window[0], 980, 720);
            scene.getStylesheets().add(Styles.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        this.context = context;
        return window[0];
    }

    AppContext context;

    @SuppressWarnings("unchecked")
    ComboBox<Strictness> choice(FxRobot robot, MainWindow window) {
        return robot.from(window).lookup("#signatureStrictness").queryAs(ComboBox.class);
    }

    @Test
    void onADevelopersMachineItIsIfAvailableAndOffIsSavedLikeEverySetting(FxRobot robot) throws Exception {
        MainWindow window = open(robot, null);
        ComboBox<Strictness> box = choice(robot, window);
        assertThat(box.getValue()).isEqualTo(Strictness.IF_AVAILABLE);
        assertThat(box.isDisabled()).isFalse();
        assertThat(robot.from(window).lookup("#managed-signatures").tryQuery()).isEmpty();
        assertThat(box.getButtonCell().getText()).isEqualTo("If available");

        robot.interact(() -> box.setValue(Strictness.OFF));
        robot.clickOn(robot.from(window).lookup("#saveSources").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(window).lookup("#settingsStatus").queryAs(Label.class).getText()).isEqualTo("Saved.");
        assertThat(context.settings().signatures()).isEqualTo("off");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "off".equals(new SettingsStore(context.settingsStore().file()).load().signatures()));
    }

    @Test
    void aPolicyThatSetsItLocksItWithTheBadge(FxRobot robot) throws Exception {
        MainWindow window = open(robot, "{\"signatures\": \"required\"}");
        ComboBox<Strictness> box = choice(robot, window);
        assertThat(box.getValue()).isEqualTo(Strictness.REQUIRED);
        assertThat(box.isDisabled()).isTrue();
        Label badge = robot.from(window).lookup("#managed-signatures").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("Set by your organisation");
        assertThat(badge.getTooltip().getText()).startsWith("Set by your organisation in ");
    }

    @Test
    void aPolicyDefaultIsMarkedAndMayBeChanged(FxRobot robot) throws Exception {
        MainWindow window = open(robot, "{\"signatures\": \"if-available\", \"userMayChange\": [\"signatures\"]}");
        ComboBox<Strictness> box = choice(robot, window);
        assertThat(box.getValue()).isEqualTo(Strictness.IF_AVAILABLE);
        assertThat(box.isDisabled()).isFalse();
        assertThat(robot.from(window).lookup("#managed-signatures").queryAs(Label.class).getTooltip().getText())
                .contains("you may change it");
        robot.interact(() -> box.setValue(Strictness.REQUIRED));
        robot.clickOn(robot.from(window).lookup("#saveSources").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.settings().signatures()).isEqualTo("required");
    }
}
