package dev.gosetup.ui;

import dev.gosetup.AppContext;
import dev.gosetup.host.LiveHostSource;
import dev.gosetup.ui.common.Styles;
import dev.gosetup.ui.common.UncaughtErrors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application: one main window over the engine. */
public final class GoSetupApp extends Application {
    private static volatile AppContext launchContext;

    /** Opens the window and returns when it is closed. */
    public static void launchWith(AppContext context) {
        launchContext = context;
        Application.launch(GoSetupApp.class);
    }

    @Override
    public void start(Stage stage) {
        AppContext context = launchContext != null ? launchContext : AppContext.start();
        new UncaughtErrors(context::messages, () -> stage, context.logFile()).install();
        MainWindow window = new MainWindow(context, LiveHostSource::new);
        Scene scene = new Scene(window, 980, 680);
        scene.getStylesheets().add(Styles.stylesheet());
        stage.setTitle(context.messages().get("app.title"));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.show();
        if (Boolean.getBoolean("gosetup.training")) {
            closeWhenSettled(stage);
        }
    }

    /**
     * The build's AOT training run (src/build/InstallerInputs.java) opens the window like a user would and
     * records what start-up loads; it closes the window once the first page has had time to detect the
     * machine, so the build does not wait for a person.
     */
    private static void closeWhenSettled(Stage stage) {
        PauseTransition settle = new PauseTransition(Duration.seconds(3));
        settle.setOnFinished(e -> stage.close());
        settle.play();
    }
}
