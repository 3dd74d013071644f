package dev.gosetup.fetch;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asks long work to stop; the work checks it between chunks and cleans up after itself. */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public void throwIfCancelled() throws CancelledException {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }

    /** The user cancelled; nothing is left behind. */
    public static final class CancelledException extends dev.gosetup.i18n.ProblemException {
        public CancelledException() {
            super(dev.gosetup.i18n.Problem.of("download.cancelled"));
        }
    }
}
