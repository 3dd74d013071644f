package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gosetup.AppContext;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.files.ProcessUser;
import dev.gosetup.testing.FxRead;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.Screens;
import dev.gosetup.testing.Shells;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first run as a new user has it, in the real window (Xvfb on CI): a fresh /home/alex made from /etc/skel,
 * this machine detected, the real Go 1.19.8 from a loopback mirror, the environment written, and the real
 * bash, zsh and fish started as new terminals — in English and Chinese, at 1024×700 and at the smallest size,
 * 800×560. Each step asserts what the user reads, and its picture is saved (docs/screenshots holds current ones).
 * The home is a real /home/alex so that the pictures show what a user sees; it runs as root (CI does) and only
 * when no such account exists.
 */
@RunsLinuxAmd64Go
@Tag("screenshot")
@ExtendWith(ApplicationExtension.class)
class FirstRunJourneyTest {
    static final Path HOME = Path.of("/home/alex");
    static LoopbackServer mirror;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setTitle("Go Setup Assistant");
    }

    @BeforeAll
    static void serveTheRealGo() throws Exception {
        assumeTrue(ProcessUser.isRoot(), "makes /home/alex: needs root (CI runs as root)");
        assumeTrue(!Files.exists(HOME) || Files.exists(HOME.resolve(".gosetup-journey")), "a real /home/alex exists: left alone");
        Path dir = GoMirror.dir();
        mirror = new LoopbackServer().serveFile("/" + GoMirror.FILE, dir.resolve(GoMirror.FILE));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (mirror != null) {
            mirror.close();
        }
        if (Files.exists(HOME.resolve(".gosetup-journey"))) {
            deleteTree(HOME);
        }
    }

    @Test
    void englishAt1024x700() throws Exception {
        journey(Language.ENGLISH, 1024, 700);
    }

    @Test
    void chineseAt1024x700() throws Exception {
        journey(Language.SIMPLIFIED_CHINESE, 1024, 700);
    }

    @Test
    void englishAt800x560() throws Exception {
        journey(Language.ENGLISH, 800, 560);
    }

    @Test
    void chineseAt800x560() throws Exception {
        journey(Language.SIMPLIFIED_CHINESE, 800, 560);
    }

    private void journey(Language language, int width, int height) throws Exception {
        Messages m = Messages.of(language);
        String name = (language == Language.ENGLISH ? "en" : "zh-CN") + (width < 1000 ? "-small" : "");
        FxRobot robot = new FxRobot();
        freshHome();
        AppContext context = AppContext.of(AppPaths.forHome(HOME), null, HOME);
        context.apply(new Settings(language.tag()));
        Path dl = Files.copy(GoMirror.dir().resolve("dl.json"), HOME.resolve(".cache/dl.json"));
        InstallSources sources = new InstallSources(dl.toString(), mirror.uri("/").toString(),
                FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"), HOME.resolve(".cache/gosetup"), new SdkRoot(HOME.resolve("sdk")));
        ShellSources shells = new ShellSources(new ShellFiles("linux", HOME, Map.of(), null), HOME, HOME.resolve(".config/gosetup"),
                HOME.resolve("sdk"), Shell.BASH);
        robot.interact(() -> {
            MainWindow window = new MainWindow(context, ThisMachine::hostSource, () -> sources, () -> shells);
            Scene scene = new Scene(window, width, height);
            scene.getStylesheets().add(Styles.stylesheet());
            stage.setScene(scene);
            stage.show();
        });

        // 1. This computer
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#hostConsequence").contains("linux-amd64"));
        assertThat(text(robot, "#wizardStep")).isEqualTo(m.get("setup.stepOf", 1, 5, m.get("setup.computer.title")));
        assertNavigationInView(robot);
        shot(robot, "journey-1-computer-" + name);

        // 2. Choose Go: the native build, verified against the list, into ~/sdk
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        List<String> details = FxRead.onFx(() -> robot.lookup("#fileDetails").lookup(".fact-value").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        assertThat(details).contains(GoMirror.FILE, "~/sdk/go1.19.8");
        String sha256 = GoMirror.sha256();
        assertThat(details).anyMatch(d -> d.replace(" ", "").equals(sha256)); // shown in groups of eight
        assertNavigationInView(robot);
        shot(robot, "journey-2-choose-" + name);

        // 3. Install: the real archive, verified, unpacked, active
        robot.clickOn("#wizardNext");
        robot.clickOn("#startInstall");
        String summary = m.get("install.summary.active", "~/sdk/go1.19.8");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> text(robot, "#installResult").startsWith(summary));
        assertThat(text(robot, "#installResult")).contains("go version go1.19.8 linux/amd64");
        assertThat(text(robot, "#installProgressText")).doesNotContain("0.0 MB/s");
        assertThat(FxRead.onFx(() -> robot.lookup("#wizardNext").queryButton().isFocused())).as("Enter goes on after the install").isTrue();
        assertNavigationInView(robot);
        shot(robot, "journey-3-install-" + name);

        // 4. Environment: bash (the login shell, found from its files), zsh and fish too; each file's diff before Apply
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#envApply").queryButton().isDisabled());
        for (String shell : List.of("zsh", "fish")) {
            CheckBox box = robot.lookup("#envShell-" + shell).queryAs(CheckBox.class);
            if (!box.isSelected()) {
                robot.interact(box::fire); // what a click does: tick it, and re-plan
            }
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> InstallWizardTest.envDiffs(robot).contains("+++ b/.zshrc")
                && InstallWizardTest.envDiffs(robot).contains("gosetup.fish") && !robot.lookup("#envApply").queryButton().isDisabled());
        assertThat(InstallWizardTest.envDiffs(robot)).contains("+++ b/.bashrc").contains("+# >>> gosetup >>>");
        assertThat(robot.lookup("#wizardNext").queryButton().isDisabled()).as("not done before Apply").isTrue();
        assertNavigationInView(robot);
        shot(robot, "journey-4-environment-" + name);
        scrollTo(robot, "#envApply");
        robot.clickOn("#envApply");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        assertThat(text(robot, "#envResult")).contains("~/.bashrc.gosetup-backup-").contains(m.get("setup.env.wroteNew", "~/.zshrc"));
        assertThat(FxRead.onFx(() -> robot.lookup("#wizardNext").queryButton().isFocused())).as("Enter goes on after Apply").isTrue();
        scrollTo(robot, "#envResult");
        shot(robot, "journey-4-environment-applied-" + name);

        // 5. Ready: what new terminals run, from the real shells
        robot.clickOn("#wizardNext");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#readyHeadline").equals(m.get("setup.ready.done", "go1.19.8")));
        for (String id : List.of("bash", "bash-tab", "zsh", "fish")) {
            String line = text(robot, "#finding-new-terminal-" + id);
            assertThat(line).as(id).contains("go1.19.8").contains("~/sdk/go/bin");
        }
        assertThat(text(robot, "#readyExpected")).isEqualTo(m.get("setup.ready.expected", "go version go1.19.8 linux/amd64"));
        assertNavigationInView(robot);
        shot(robot, "journey-5-ready-" + name);

        // And a terminal opened now, outside the window, agrees.
        for (String shell : List.of("bash", "zsh", "fish")) {
            Shells.require(shell);
            assertThat(Shells.newTerminal(HOME, shell, "go version"))
                    .as(shell).contains("go version go1.19.8 linux/amd64");
        }
    }

    /** A new account: Debian's /etc/skel files, nothing of gosetup's. */
    private static void freshHome() throws Exception {
        if (Files.exists(HOME)) {
            deleteTree(HOME);
        }
        Files.createDirectories(HOME.resolve(".cache"));
        Files.writeString(HOME.resolve(".gosetup-journey"), "made by FirstRunJourneyTest; deleted after it\n");
        try (Stream<Path> skel = Files.list(Path.of("/etc/skel"))) {
            for (Path f : skel.filter(Files::isRegularFile).toList()) {
                Files.copy(f, HOME.resolve(f.getFileName()));
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String text(FxRobot robot, String query) {
        return FxRead.text(robot, query);
    }

    /** Back and Next inside the window, whatever the step's length. */
    private void assertNavigationInView(FxRobot robot) {
        for (String id : List.of("#wizardBack", "#wizardNext")) {
            Node button = robot.lookup(id).query();
            if (!button.isVisible()) {
                continue;
            }
            Bounds b = button.localToScene(button.getBoundsInLocal());
            assertThat(b.getMaxY()).as(id + " in view").isLessThanOrEqualTo(stage.getScene().getHeight());
            assertThat(b.getMaxX()).as(id + " in view").isLessThanOrEqualTo(stage.getScene().getWidth());
        }
    }

    /** Scrolls the step so that a node is in view, as a user would before clicking it. */
    private void scrollTo(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        ScrollPane scroll = robot.lookup(".page-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            Bounds inContent = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double target = Math.max(0, Math.min(content - view, inContent.getMinY() - view / 3));
            scroll.setVvalue(content <= view ? 0 : target / (content - view));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(250); // one more paint of the real window
        Screens.save(stage.getScene(), name + ".png");
    }
}
