package dev.gosetup.ui.common;

import dev.gosetup.i18n.Messages;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Window;

/** The single uncaught-exception handler of the window app: log it, then show the {@link ErrorView}. */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(UncaughtErrors.class.getName());
    private final Supplier<Messages> messages;
    private final Supplier<Window> owner;
    private final Path logFile;
    private final AtomicBoolean showing = new AtomicBoolean();

    public UncaughtErrors(Supplier<Messages> messages, Supplier<Window> owner, Path logFile) {
        this.messages = messages;
        this.owner = owner;
        this.logFile = logFile;
    }

    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(this));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(Level.SEVERE, "Uncaught exception in " + thread.getName(), error);
        Runnable show = () -> {
            // One error window at a time: an error while showing an error must not cascade.
            if (showing.compareAndSet(false, true)) {
                try {
                    ErrorView.show(owner.get(), messages.get(), error, logFile)
                            .setOnHidden(e -> showing.set(false));
                } catch (RuntimeException failed) {
                    showing.set(false);
                    LOG.log(Level.SEVERE, "Could not show the error view", failed);
                }
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }
}
