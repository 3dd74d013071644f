package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.install.InstallSources;
import dev.gosetup.release.Release;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.ui.common.Styles;
import dev.gosetup.ui.setup.EnvironmentStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.gosetup.testing.TrustedTempDir;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a managed machine, headless: the pinned version preselected and locked, managed fields locked and labelled. */
@ExtendWith(ApplicationExtension.class)
class PolicyUiTest {
    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    static Path tmp;
    Path policyFile;
    AppContext context;
    Path snapshot;

    @Start
    void start(Stage stage) throws Exception {
        String sha = "ab".repeat(32);
        Path catalog = Files.writeString(tmp.resolve("dl-" + System.nanoTime() + ".json"), """
                [{"version":"go1.22.5","stable":true,"files":[{"filename":"go1.22.5.darwin-arm64.tar.gz","os":"darwin",
                "arch":"arm64","version":"go1.22.5","sha256":"%1$s","size":100,"kind":"archive"}]},
                {"version":"go1.21.12","stable":true,"files":[{"filename":"go1.21.12.darwin-arm64.tar.gz","os":"darwin",
                "arch":"arm64","version":"go1.21.12","sha256":"%1$s","size":100,"kind":"archive"}]},
                {"version":"go1.21.11","stable":true,"files":[]}]
                """.formatted(sha));
        policyFile = Files.writeString(tmp.resolve("policy-" + System.nanoTime() + ".json"), """
                {"goVersion": "1.21.12", "releaseList": "%s", "fileMirror": "https://artifactory.example.com/go/",
                 "sdkRoot": "%s", "goEnv": {"GOPROXY": "https://goproxy.cn,direct", "GOPRIVATE": "*.corp.example.com"},
                 "userMayChange": ["GOPRIVATE"]}
                """.formatted(catalog, tmp.resolve("managed-sdk")));
        context = AppContext.of(new AppPaths(tmp.resolve("config-" + System.nanoTime()), tmp.resolve("logs")), null);
        context.usePolicy(policyFile);
        snapshot = SnapshotBuilder.mac("arm64").sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt"))
                .writeTo(tmp.resolve("m2-" + System.nanoTime()));
        MainWindow window = new MainWindow(context, () -> new SnapshotHostSource(snapshot));
        Scene scene = new Scene(window, 980, 720);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void thePinnedVersionIsPreselectedAndCannotBeChanged(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        robot.clickOn("#wizardNext");
        @SuppressWarnings("unchecked")
        ListView<Release> list = robot.lookup("#versionList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedItem().version().name()).isEqualTo("go1.21.12");
        assertThat(list.getItems()).as("a locked pin: nothing else is offered").extracting(r -> r.version().name())
                .containsExactly("go1.21.12");
        assertThat(list.isDisabled()).isTrue();
        assertThat(robot.lookup("#choosePolicy").queryAs(Label.class).getText()).contains("1.21.12");
        Label badge = robot.lookup("#managed-goVersion").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("Set by your organisation");
        assertThat(badge.getTooltip().getText()).contains(policyFile.toString());
        assertThat(robot.lookup("#fileDetails").lookup(".fact-value").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("https://artifactory.example.com/go/go1.21.12.darwin-arm64.tar.gz", tmp.resolve("managed-sdk/go1.21.12").toString());
    }

    @Test
    void managedSettingsAreLockedAndSayWhoSetThem(FxRobot robot) {
        robot.clickOn("#navSettings");
        TextField mirror = robot.lookup("#fileMirrorField").queryAs(TextField.class);
        assertThat(mirror.getText()).isEqualTo("https://artifactory.example.com/go/");
        assertThat(mirror.isDisabled()).isTrue();
        assertThat(robot.lookup("#releaseListField").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#plainHttpField").queryAs(TextField.class).isDisabled()).as("not managed").isFalse();
        Label badge = robot.lookup("#managed-fileMirror").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("Set by your organisation");
        assertThat(badge.getTooltip().getText()).isEqualTo("Set by your organisation in " + policyFile);
        assertThat(robot.lookup("#sdkRootField").queryAs(TextField.class).getText()).isEqualTo(tmp.resolve("managed-sdk").toString());
        assertThat(robot.lookup("#policyInUse").queryAs(Label.class).getText()).contains(policyFile.toString());
        javafx.scene.control.Button browse = robot.lookup("#browseSdkRoot").queryAs(javafx.scene.control.Button.class);
        assertThat(browse.isDisabled()).as("the install root is locked").isTrue();
        assertThat(((dev.gosetup.ui.common.WhyDisabled) browse.getParent()).getTooltip().getText())
                .isEqualTo("Set by your organisation in " + policyFile);
        assertThat(robot.lookup("#browseGopath").queryAs(javafx.scene.control.Button.class).isDisabled()).as("not managed").isFalse();
        PageChecks.everyDisabledButtonSaysWhy(robot.lookup("#navSettings").queryAs(javafx.scene.Node.class).getScene().getRoot());
    }

    @Test
    void theEnvironmentStepLocksTheGoVariablesThePolicyLocks(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home-" + System.nanoTime()));
        ShellSources shells = new ShellSources(new ShellFiles("mac", home, Map.of(), null), home, home.resolve(".config/gosetup"),
                tmp.resolve("managed-sdk"), Shell.ZSH);
        robot.interact(() -> {
            EnvironmentStep step = new EnvironmentStep(context.messages(), () -> shells, context::settings, s -> { }, context.managed());
            Stage stage = new Stage();
            stage.setScene(new Scene(step, 900, 700));
            stage.show();
            step.enter();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#envGoproxy").queryAs(TextField.class).getText().isEmpty());
        TextField goproxy = robot.lookup("#envGoproxy").queryAs(TextField.class);
        assertThat(goproxy.getText()).isEqualTo("https://goproxy.cn,direct");
        assertThat(goproxy.isDisabled()).isTrue();
        TextField goprivate = robot.lookup("#envGoprivate").queryAs(TextField.class);
        assertThat(goprivate.getText()).isEqualTo("*.corp.example.com");
        assertThat(goprivate.isDisabled()).as("GOPRIVATE is in userMayChange").isFalse();
        assertThat(goprivate.getTooltip().getText()).contains("you may change it").contains(policyFile.toString());
        assertThat(robot.lookup("#envGopath").queryAs(TextField.class).isDisabled()).as("not managed").isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> InstallWizardTest.envDiffs(robot).contains("goproxy.cn"));
    }

    @Test
    void aBrokenPolicyShowsABannerAndRefusesInstalls(FxRobot robot) throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken-" + System.nanoTime() + ".json"), "{\"goVersion\": \"latest\"}");
        AppContext brokenContext = AppContext.of(new AppPaths(tmp.resolve("config-b-" + System.nanoTime()), tmp.resolve("logs")), null);
        brokenContext.usePolicy(broken);
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new MainWindow(brokenContext, () -> new SnapshotHostSource(snapshot),
                    () -> InstallSources.of(brokenContext.settings(), brokenContext.paths(), brokenContext.installRoot())), 980, 720));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#policyBroken").queryAs(Label.class);
        assertThat(banner.getText()).contains("cannot be used").contains(broken.toString()).contains("$.goVersion");
        assertThat(robot.lookup("#installsRefused").queryAs(Label.class).getText()).contains("Installing is off");
        assertThat(robot.lookup("#startInstall").tryQuery()).isEmpty();
    }

    /** Run as root, a policy another account owns is refused like a broken one: the banner names the file and the fix. */
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "gives the policy to another account through unix:uid (as root); Windows files have no POSIX owner")
    @Test
    void aPolicyAnotherAccountOwnsIsRefusedWithTheBanner(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.gosetup.files.ProcessUser.isRoot(), "the rule applies to root");
        Path owned = Files.writeString(tmp.resolve("owned-" + System.nanoTime() + ".json"), "{\"goVersion\": \"1.21.12\"}");
        Files.setAttribute(owned, "unix:uid", 4242, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        AppContext refusedContext = AppContext.of(new AppPaths(tmp.resolve("config-r-" + System.nanoTime()), tmp.resolve("logs")), null);
        refusedContext.usePolicy(owned);
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new MainWindow(refusedContext, () -> new SnapshotHostSource(snapshot),
                    () -> InstallSources.of(refusedContext.settings(), refusedContext.paths(), refusedContext.installRoot())), 980, 720));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#policyBroken").queryAs(Label.class);
        assertThat(banner.getText()).contains("cannot be used").contains(owned + " belongs to 4242").contains("sudo chown root:root " + owned);
        assertThat(robot.lookup("#installsRefused").queryAs(Label.class).getText()).contains("Installing is off");
    }
}
