package dev.gosetup.ui.common;

/** The app's one stylesheet and the style classes pages use. */
public final class Styles {
    private Styles() {}

    public static String stylesheet() {
        return Styles.class.getResource("/dev/gosetup/ui/app.css").toExternalForm();
    }
}
