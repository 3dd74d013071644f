package dev.gosetup.fetch;

import java.time.Duration;

/**
 * Progress of long work, one small type for every face: the window maps it onto a JavaFX Task, the
 * command line onto a progress bar. Called from worker threads.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** @param total -1 when unknown; @param bytesPerSecond the recent rate */
    default void bytes(long done, long total, double bytesPerSecond) {}

    /** A transient failure; the work goes on after {@code wait}. {@code reason} is put into words by the face. */
    default void retrying(int attempt, Duration wait, dev.gosetup.i18n.Problem reason) {}

    /** A new phase ("verifying", "unpacking", "checking"), as a resource-bundle key. */
    default void phase(String key) {}
}
