package dev.gosetup.ui.common;

import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** The app's one stylesheet and the style classes pages use. */
public final class Styles {
    /**
     * On the root while the window speaks Chinese: app.css then puts a Chinese font first. Only then: the two faces of
     * Noto Sans CJK, read for every Latin letter when they came first, were 40 MiB of the window's memory
     * (docs/benchmarks.md); in English a Chinese path or name still shows, through the platform's font fallback.
     */
    static final String CHINESE = "lang-zh";

    private Styles() {}

    public static String stylesheet() {
        return Styles.class.getResource("/dev/gosetup/ui/app.css").toExternalForm();
    }

    /** The stylesheet, and the fonts for the window's language. */
    public static void apply(Scene scene, Locale language) {
        scene.getStylesheets().add(stylesheet());
        language(scene.getRoot(), language);
    }

    /** The fonts for the window's language, again when it changes. */
    public static void language(Parent root, Locale language) {
        if ("zh".equals(language.getLanguage())) {
            if (!root.getStyleClass().contains(CHINESE)) {
                root.getStyleClass().add(CHINESE);
            }
        } else {
            root.getStyleClass().remove(CHINESE);
        }
    }
}
