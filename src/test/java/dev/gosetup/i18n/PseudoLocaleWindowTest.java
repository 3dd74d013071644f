package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.Leaks;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.PseudoLocale;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.Screens;
import dev.gosetup.ui.MainWindow;
import dev.gosetup.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in the {@link PseudoLocale} (issue 14), through every page: the wizard's five steps (a real install of
 * Go 1.19.8 from a loopback mirror, the environment written into a test home), Installed, Health, Settings — at
 * 1024×700 and 800×560. On each page every shown Labeled and Text is read: a word not from a bundle ({@link Leaks})
 * and a label cut short ("…" instead of its ~40% longer text) are named with the page. Pictures of each page go
 * to target/screenshots/pseudo-*.png (a real window with -Pscreenshot under Xvfb; headless otherwise).
 */
@RunsLinuxAmd64Go
@ExtendWith(ApplicationExtension.class)
@Timeout(600)
class PseudoLocaleWindowTest {
    @TempDir
    static Path tmp;
    static LoopbackServer mirror;
    Stage stage;
    final Map<String, List<String>> found = new LinkedHashMap<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeAll
    static void serveTheRealGo() throws Exception {
        mirror = new LoopbackServer().serveFile("/" + GoMirror.FILE, GoMirror.dir().resolve(GoMirror.FILE));
    }

    @AfterAll
    static void stop() {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    void everyPageAt1024x700() throws Exception {
        walk(1024, 700);
    }

    @Test
    void everyPageAt800x560() throws Exception {
        walk(800, 560);
    }

    private void walk(int width, int height) throws Exception {
        FxRobot robot = new FxRobot();
        String size = width + "x" + height;
        Path home = Files.createDirectories(tmp.resolve(size).resolve("home"));
        Files.writeString(home.resolve(".bashrc"), "# ~/.bashrc\nexport EDITOR=vim\n");
        AppContext context = AppContext.of(new AppPaths(tmp.resolve(size).resolve("config"), tmp.resolve(size).resolve("logs")), null, home);
        context.useMessages(PseudoLocale.messages());
        Path dl = Files.copy(GoMirror.dir().resolve("dl.json"), tmp.resolve(size).resolve("dl.json"));
        InstallSources sources = new InstallSources(dl.toString(), mirror.uri("/").toString(),
                FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"), tmp.resolve(size).resolve("cache"), new SdkRoot(home.resolve("sdk")));
        ShellSources shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"),
                home.resolve("sdk"), Shell.BASH);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(context, dev.gosetup.host.live.ThisMachine::hostSource, () -> sources, () -> shells);
            Scene scene = new Scene(window[0], width, height);
            scene.getStylesheets().add(Styles.stylesheet());
            stage.setScene(scene);
            stage.show();
        });

        waitUntil(20, () -> text(robot, "#hostConsequence").contains("linux"));
        check(robot, size, "1-computer");
        press(robot, "#wizardNext");
        waitUntil(20, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        check(robot, size, "2-choose");
        press(robot, "#wizardNext");
        check(robot, size, "3-install");
        press(robot, "#startInstall");
        waitUntil(240, () -> !text(robot, "#installResult").isBlank());
        check(robot, size, "3-installed");
        press(robot, "#wizardNext");
        waitUntil(30, () -> !robot.lookup("#envApply").queryButton().isDisabled());
        check(robot, size, "4-environment");
        press(robot, "#envApply");
        waitUntil(30, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        check(robot, size, "4-environment-written");
        press(robot, "#wizardNext");
        waitUntil(60, () -> !text(robot, "#readyHeadline").isBlank());
        check(robot, size, "5-ready");
        for (MainWindow.Page page : new MainWindow.Page[] {MainWindow.Page.VERSIONS, MainWindow.Page.HEALTH, MainWindow.Page.SETTINGS}) {
            robot.interact(() -> window[0].show(page));
            check(robot, size, page.name().toLowerCase(java.util.Locale.ROOT));
        }

        StringBuilder report = new StringBuilder();
        found.forEach((where, what) -> report.append("\n").append(where).append(":\n  ").append(String.join("\n  ", what)));
        assertThat(found).as("words not from a bundle, and labels cut short, in the pseudo-locale:%s", report).isEmpty();
    }

    /** Reads the page once it stopped changing (background work done), notes leaks and cut labels, saves a picture. */
    private void check(FxRobot robot, String size, String page) throws Exception {
        String before = null;
        for (int i = 0; i < 40; i++) { // up to 20 s for background checks to fill the page
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(500);
            String now = WaitForAsyncUtils.asyncFx(() -> String.join("\n", shownTexts(stage.getScene().getRoot()))).get(10, TimeUnit.SECONDS);
            if (now.equals(before)) {
                break;
            }
            before = now;
        }
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> problems(stage.getScene().getRoot())).get(10, TimeUnit.SECONDS);
        Screens.save(stage.getScene(), "pseudo-" + page + "-" + size + ".png");
        if (!problems.isEmpty()) {
            found.put(size + " " + page, problems);
        }
    }

    private static List<String> problems(Node root) {
        List<String> problems = new ArrayList<>();
        Set<String> facts = new java.util.HashSet<>(Leaks.thisMachine());
        facts.addAll(Leaks.dateWords(PseudoLocale.LOCALE)); // "set up on Dec 3, 2026": a date written for the locale
        facts.add("version"); // what "go version" prints, shown as printed: "go version go1.19.8 linux/amd64"
        for (Node n : shown(root)) {
            String text = textOf(n);
            if (text == null || text.isBlank()) {
                continue;
            }
            for (String leak : Leaks.in(text, false, facts)) {
                problems.add(describe(n) + " " + leak);
            }
            if (n instanceof Labeled l && !(n instanceof TableCell<?, ?>)) {
                String whole = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
                Text rendered = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).map(c -> (Text) c).findFirst().orElse(null);
                if (rendered != null && !squeeze(rendered.getText()).equals(squeeze(whole))) {
                    problems.add(describe(n) + " cut: \"" + rendered.getText() + "\" of \"" + whole + "\"");
                }
            }
        }
        return problems;
    }

    private static String squeeze(String s) {
        return s.replace("\n", "").replace(" ", "");
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "");
    }

    /** What a node shows as text: a Labeled's text, or a Text that is not the inside of a Labeled (that one is read above). */
    private static String textOf(Node n) {
        if (n instanceof Labeled l) {
            return l.getText();
        }
        if (n instanceof Text t && !(t.getParent() instanceof Labeled)) {
            return t.getText();
        }
        return null;
    }

    private static List<String> shownTexts(Node root) {
        List<String> texts = new ArrayList<>();
        for (Node n : shown(root)) {
            String t = textOf(n);
            if (t != null) {
                texts.add(t);
            }
        }
        return texts;
    }

    /**
     * Visible nodes, not inside a text field or text area (their content is the user's or a file's: a diff, a path
     * typed in) and not a table cell's text (versions and folders, facts; the column headers are Labeled and read).
     */
    private static List<Node> shown(Node root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible() || n instanceof TextInputControl || n instanceof TableCell<?, ?>) {
            return;
        }
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** Fires a button: a longer language may have pushed it below the fold of a scrolled page (that is checked, not clicked around). */
    private static void press(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).queryButton().fire());
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n instanceof Labeled l && l.getText() != null ? l.getText() : "";
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
