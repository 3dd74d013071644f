package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.ui.common.ErrorView;
import dev.gosetup.ui.common.UncaughtErrors;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An uncaught exception anywhere ends in one error view with the details and a working copy button. */
@ExtendWith(ApplicationExtension.class)
class ErrorViewTest {
    Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void uncaughtExceptionOnABackgroundThreadShowsTheErrorViewAndCopies(FxRobot robot) throws Exception {
        UncaughtErrors handler = new UncaughtErrors(() -> Messages.of(Language.ENGLISH), () -> main, Path.of("/tmp/gosetup0.log"));
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("disk on fire");
        }, "test-worker");
        worker.setUncaughtExceptionHandler(handler);
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorDetails").tryQuery().isPresent());
        String details = robot.lookup("#errorDetails").queryAs(TextArea.class).getText();
        assertThat(details).contains("IllegalStateException: disk on fire").contains("at ");
        robot.clickOn("#copyErrorDetails");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(details);
        robot.clickOn("#closeError");
        WaitForAsyncUtils.waitForFxEvents();
        long open = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != main && w.isShowing()).count())
                .get(5, TimeUnit.SECONDS);
        assertThat(open).isZero();
    }

    @Test
    void showsTheLogLocation(FxRobot robot) throws Exception {
        ErrorView view = WaitForAsyncUtils.asyncFx(() -> new ErrorView(Messages.of(Language.ENGLISH),
                new RuntimeException("boom"), Path.of("/var/log/gosetup0.log"))).get(5, TimeUnit.SECONDS);
        assertThat(view.detailsText()).contains("RuntimeException: boom");
    }

    /** The details are meant to be copied into a ticket: a mirror's password must not go with them. */
    @Test
    void credentialsInTheErrorAreMasked(FxRobot robot) throws Exception {
        RuntimeException error = new RuntimeException("Could not read https://ci:tok-SECRET@artifactory.corp/go/dl.json",
                new java.io.IOException("proxy http://alex:tok-SECRET@proxy.corp:3128 refused"));
        ErrorView view = WaitForAsyncUtils.asyncFx(() -> new ErrorView(Messages.of(Language.ENGLISH), error, null)).get(5, TimeUnit.SECONDS);
        assertThat(view.detailsText()).contains("https://ci:***@artifactory.corp/go/dl.json").contains("http://alex:***@proxy.corp")
                .doesNotContain("tok-SECRET");
        String shown = WaitForAsyncUtils.asyncFx(() -> view.lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                .reduce("", String::concat)).get(5, TimeUnit.SECONDS);
        assertThat(shown).contains("ci:***@").doesNotContain("tok-SECRET");
    }
}
