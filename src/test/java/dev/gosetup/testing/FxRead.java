package dev.gosetup.testing;

import java.util.concurrent.Callable;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads what the window shows on the FX thread, between two of its updates. A read from the test thread can land
 * in the middle of one (one label set, the next not yet): CI once saw a step's headline done and the line under it
 * still empty.
 */
public final class FxRead {
    private FxRead() {
    }

    /** The text of the first labelled control (Label, Button, CheckBox…) that matches the query. */
    public static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
