package dev.gosetup.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs engine work off the FX thread (named daemon threads) and hands the result back on it. Small on
 * purpose: onSuccess, onError, nothing else.
 */
public final class BackgroundTasks {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gosetup-background-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private BackgroundTasks() {}

    public static <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        EXECUTOR.execute(task);
        return task;
    }
}
