package dev.gosetup.ui;

import dev.gosetup.AppContext;
import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.ui.common.Styles;
import dev.gosetup.ui.common.UncaughtErrors;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application: one main window over the engine. */
public final class GoSetupApp extends Application {
    /** The window icon sizes the jar carries (icons/build-icons.sh writes them from icons/gosetup.svg). */
    static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);

    private static volatile AppContext launchContext;

    /** Opens the window and returns when it is closed. */
    public static void launchWith(AppContext context) {
        launchContext = context;
        if (!EarlyToolkit.begun()) {
            GraphicsPipeline.chooseBeforeStart();
            Application.launch(GoSetupApp.class);
            return;
        }
        // The toolkit was started early (EarlyToolkit): open the window on it as Application.launch would, and
        // return when it is closed, with what start() threw, as Application.launch does.
        EarlyToolkit.await();
        java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> closed.complete(null));
                new GoSetupApp().start(stage);
            } catch (RuntimeException | Error e) {
                closed.completeExceptionally(e);
            }
        });
        try {
            EarlyToolkit.join(closed);
        } finally {
            Platform.exit();
        }
    }

    @Override
    public void start(Stage stage) {
        AppContext context = launchContext != null ? launchContext : AppContext.start();
        new UncaughtErrors(context::messages, () -> stage, context.logFile()).install();
        MainWindow window = new MainWindow(context, ThisMachine::hostSource);
        Scene scene = new Scene(window, 980, 680);
        Styles.apply(scene, context.messages().locale());
        stage.setTitle(context.messages().get("app.title"));
        stage.getIcons().addAll(windowIcons());
        stage.setMinWidth(800); // the smallest size every page is laid out and tested for (800×560)
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
        if (Boolean.getBoolean("gosetup.training")) {
            closeWhenSettled(stage);
        } else {
            window.checkForUpdates(java.time.Clock.systemUTC()); // the quiet banner, at most once a day
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

    /** The classpath resource of the window icon in one size. */
    static String iconResource(int size) {
        return "/dev/gosetup/ui/icons/gosetup-" + size + ".png";
    }

    /**
     * The window icon in every carried size. Several sizes, not one: the window manager picks the one nearest to
     * what it draws (16 in a title bar, 32 or 48 in a task switcher, larger in a dock), so no size is scaled from
     * another and blurred. A missing size is skipped: the icon is not worth failing the start (IconResourcesTest
     * guards that all are there).
     */
    static List<Image> windowIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            URL url = GoSetupApp.class.getResource(iconResource(size));
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        return icons;
    }
}
