package dev.gosetup.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit on its own thread as soon as it is known that the window will open, so that its start
 * (the display connection, GTK, the graphics pipeline: a few hundred milliseconds) runs while the main thread reads
 * the settings, the policy and the command line, instead of after them (docs/benchmarks.md, time to first window).
 */
public final class EarlyToolkit {
    private static volatile CompletableFuture<Void> started;

    private EarlyToolkit() {}

    /** Begins the toolkit's start and returns at once. */
    public static synchronized void begin() {
        if (started != null) {
            return;
        }
        GraphicsPipeline.chooseBeforeStart();
        CompletableFuture<Void> future = new CompletableFuture<>();
        started = future;
        Thread.ofPlatform().name("gosetup-fx-start").daemon().start(() -> {
            try {
                Platform.startup(() -> {});
                future.complete(null);
            } catch (RuntimeException | Error e) { // no display, no graphics: the window's own start reports it
                future.completeExceptionally(e);
            }
        });
    }

    /** Whether {@link #begin()} was called in this process. */
    static boolean begun() {
        return started != null;
    }

    /** Waits until the toolkit runs; throws what stopped it from starting. */
    static void await() {
        join(started);
    }

    /** Waits for {@code work} and throws what it failed with, unwrapped, as Application.launch does. */
    static void join(CompletableFuture<?> work) {
        try {
            work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
