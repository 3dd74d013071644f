package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.Elevation;
import dev.gosetup.shell.ElevationDeclined;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.MachinePathFix;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.UserEnvironment;
import dev.gosetup.shell.WindowsEnvEditor;
import dev.gosetup.shell.WindowsUserEnvironment;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.FxRead;
import dev.gosetup.testing.MapRegistry;
import dev.gosetup.ui.setup.EnvironmentStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard's Environment step when a machine-wide Go wins (issue 19): the problem with both ways out, the machine
 * change shown, and "Fix for everyone (administrator)…" running the fix off the FX thread. Windows is played by a
 * registry seam with a real PC's machine Path (the Go MSI's, ddkwork capture) and an elevation seam standing for the
 * elevated gosetup; the step says "fixed" only after the registry, read again, says our Go wins.
 */
@ExtendWith(ApplicationExtension.class)
class MachinePathFixUiTest {
    private static final String MSI_GO = "C:\\Program Files\\Go\\bin";

    @TempDir
    Path tmp;
    Path home;
    MapRegistry machine;
    String machineBefore;
    final AtomicInteger prompts = new AtomicInteger();

    @BeforeEach
    void homeAndRegistry() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\n");
        machineBefore = MapRegistry.msiMachinePath();
        machine = MapRegistry.machine();
        machine.set("Path", new UserEnvironment.Value(machineBefore, true));
    }

    private Function<ShellSources, Optional<MachinePathFix>> windows(Elevation elevation) {
        Function<String, Optional<String>> vars = WindowsEnvEditor.lookupIn(Map.of("USERPROFILE", home.toString()));
        return where -> {
            WindowsUserEnvironment user = new WindowsUserEnvironment(MapRegistry.user(), machine, new WindowsEnvEditor(vars), tmp.resolve("u"));
            WindowsUserEnvironment machineScope = WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(vars), tmp.resolve("m"));
            return Optional.of(new MachinePathFix(user, machineScope, plan -> user.check(plan, machine, vars, MSI_GO::equalsIgnoreCase),
                    where.sdkRoot(), Optional.of(tmp.resolve("gosetup.exe")), elevation));
        };
    }

    /** The elevated `gosetup env --apply --system --sdk-root ROOT --yes`, after the prompt was answered Yes. */
    private Elevation elevatedChild() {
        return (program, arguments) -> {
            prompts.incrementAndGet();
            Path root = Path.of(arguments.get(arguments.indexOf("--sdk-root") + 1));
            WindowsUserEnvironment.machine(machine, new WindowsEnvEditor(name -> Optional.empty()), tmp.resolve("admin"))
                    .apply(new EnvSpec(home, root.resolve("go"), root.resolve("go"), false, Map.of()));
            return 0;
        };
    }

    private void show(FxRobot robot, Elevation elevation) throws Exception {
        show(robot, elevation, Language.ENGLISH);
    }

    private void show(FxRobot robot, Elevation elevation, Language language) throws Exception {
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"),
                home.resolve("sdk"), Shell.BASH);
        robot.interact(() -> {
            EnvironmentStep step = new EnvironmentStep(Messages.of(language), () -> shells, Settings::defaults, s -> { },
                    ManagedSettings.NONE, windows(elevation));
            Stage stage = new Stage();
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(step);
            scroll.setFitToWidth(true); // as the wizard (SetupPage) holds its steps
            stage.setScene(new Scene(scroll, 900, 800));
            stage.show();
            step.enter();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#envMachineGoWins").tryQuery().isPresent());
        Button fix = robot.lookup("#machinePathFix").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !fix.isDisabled()); // enabled once the change is shown
    }

    /** The real pointer's click, once the step's scroll pane shows the button (as a user scrolls to it). */
    private void click(FxRobot robot, String query) {
        scrollTo(robot, query);
        robot.clickOn(query);
    }

    private void scrollTo(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            javafx.geometry.Bounds inContent = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double target = Math.max(0, Math.min(content - view, inContent.getMinY() - view / 3));
            scroll.setVvalue(content <= view ? 0 : target / (content - view));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What a user sees, in both languages, before and after the fix (target/screenshots; docs/screenshots). */
    @Test
    void picturesOfTheFixInBothLanguages(FxRobot robot) throws Exception {
        for (Language language : java.util.List.of(Language.ENGLISH, Language.SIMPLIFIED_CHINESE)) {
            String tag = language == Language.ENGLISH ? "en" : "zh-CN";
            machine.set("Path", new UserEnvironment.Value(machineBefore, true));
            show(robot, elevatedChild(), language);
            scrollTo(robot, "#machinePathFixBox");
            Scene scene = robot.lookup("#machinePathFix").query().getScene();
            dev.gosetup.testing.Screens.save(scene, "machine-path-fix-" + tag + ".png");
            PageChecks.nothingCut(robot.lookup("#machinePathFixBox").query(), 900);

            click(robot, "#machinePathFix");
            Label result = robot.lookup("#envResult").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#envMachineGoWins").tryQuery().isEmpty());
            assertThat(FxRead.onFx(result::getText)).isNotBlank();
            dev.gosetup.testing.Screens.save(scene, "machine-path-fixed-" + tag + ".png");
            robot.interact(() -> ((Stage) scene.getWindow()).close());
        }
        assertThat(prompts).hasValue(2);
    }

    @Test
    void theButtonFixesTheMachinePathAndTheStepShowsTheRecheckedTruth(FxRobot robot) throws Exception {
        show(robot, elevatedChild());
        String problem = FxRead.onFx(() -> robot.lookup("#envMachineGoWins").queryAs(Label.class).getText());
        assertThat(problem).contains("will still run the Go in " + MSI_GO)
                .contains("Settings → Apps") // the other way out stays offered
                .doesNotContain("[env.");
        String change = FxRead.onFx(() -> robot.lookup("#machinePathChange").queryAs(TextArea.class).getText());
        assertThat(change).contains("HKEY_LOCAL_MACHINE").contains(home.resolve("sdk/go/bin").toString());
        assertThat(FxRead.onFx(() -> robot.lookup("#machinePathFix").queryAs(Button.class).getText()))
                .isEqualTo("Fix for everyone (administrator)…");
        assertThat(machine.get("Path").orElseThrow().data()).as("nothing before the click").isEqualTo(machineBefore);

        click(robot, "#machinePathFix");

        Label result = robot.lookup("#envResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().contains("Fixed for everyone"));
        // the step re-planned against the registry read again: the machine-Go note is gone
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#envMachineGoWins").tryQuery().isEmpty());
        assertThat(prompts).hasValue(1);
        assertThat(machine.get("Path").orElseThrow().data()).startsWith(home.resolve("sdk/go/bin") + ";").contains(MSI_GO);
    }

    @Test
    void aDeclinedPromptSaysNothingChangedAndTheButtonStaysForAnotherTry(FxRobot robot) throws Exception {
        show(robot, (program, arguments) -> {
            prompts.incrementAndGet();
            throw new ElevationDeclined();
        });
        click(robot, "#machinePathFix");
        Label outcome = robot.lookup("#machinePathFixResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome.getText().startsWith("Not fixed"));
        assertThat(FxRead.onFx(outcome::getText)).contains("You declined the administrator prompt; nothing was changed.");
        assertThat(FxRead.onFx(() -> robot.lookup("#machinePathFix").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(FxRead.onFx(() -> robot.lookup("#envResult").queryAs(Label.class).getText())).doesNotContain("Fixed");
        assertThat(robot.lookup("#envMachineGoWins").tryQuery()).isPresent();
        assertThat(machine.get("Path").orElseThrow().data()).isEqualTo(machineBefore);
    }

    @Test
    void anAdministratorRunThatSucceedsWhileTheMsisGoStillWinsIsNotShownAsFixed(FxRobot robot) throws Exception {
        show(robot, (program, arguments) -> 0);
        click(robot, "#machinePathFix");
        Label outcome = robot.lookup("#machinePathFixResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome.getText().startsWith("Not fixed"));
        assertThat(FxRead.onFx(outcome::getText)).contains("will still run the Go in " + MSI_GO);
        assertThat(FxRead.onFx(() -> robot.lookup("#envResult").queryAs(Label.class).getText())).doesNotContain("Fixed");
        Node box = robot.lookup("#machinePathFixBox").query();
        PageChecks.nothingCut(box, 900);
    }

    @Test
    void theHealthFindingOffersTheSameFixAndTheCheckThatFollowsSaysItPasses(FxRobot robot) throws Exception {
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"),
                home.resolve("sdk"), Shell.BASH);
        Function<ShellSources, Optional<MachinePathFix>> fixes = windows(elevatedChild());
        MachinePathFix fix = fixes.apply(shells).orElseThrow();
        AtomicInteger checks = new AtomicInteger();
        robot.interact(() -> {
            dev.gosetup.ui.health.HealthPage page = new dev.gosetup.ui.health.HealthPage(Messages.of(Language.ENGLISH), () -> {
                checks.incrementAndGet();
                return dev.gosetup.doctor.MachinePathFindings.check(Optional.of(fix), shells.spec(Settings.defaults()));
            }, () -> shells, Settings::defaults, fixes);
            Stage stage = new Stage();
            stage.setScene(new Scene(page, 900, 700));
            stage.show();
        });
        Label status = robot.lookup("#status-machine-go-wins").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#machinePathFix").tryQuery().isPresent());
        assertThat(FxRead.onFx(status::getText)).isNotEqualTo("OK");
        Button button = robot.lookup("#machinePathFix").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !button.isDisabled());
        assertThat(FxRead.onFx(() -> robot.lookup("#machinePathChange").queryAs(TextArea.class).getText())).contains("HKEY_LOCAL_MACHINE");

        robot.clickOn("#machinePathFix");

        Label fixResult = robot.lookup("#healthFixResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixResult.getText().contains("this check now passes"));
        assertThat(FxRead.onFx(fixResult::getText)).contains("the machine Path (HKEY_LOCAL_MACHINE), as administrator");
        assertThat(FxRead.onFx(() -> robot.lookup("#status-machine-go-wins").queryAs(Label.class).getText())).isEqualTo("OK");
        assertThat(checks).hasValue(2); // the first check, and the one after the fix
        assertThat(prompts).hasValue(1);
    }
}
