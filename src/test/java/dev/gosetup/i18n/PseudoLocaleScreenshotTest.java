package dev.gosetup.i18n;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.testfx.framework.junit5.Start;

/**
 * The same walk as {@link PseudoLocaleWindowTest} in a real window (GTK under Xvfb), for pictures a person looks at:
 * {@code xvfb-run -a mvn -Pscreenshot test-compile surefire:test -Dtest=PseudoLocaleScreenshotTest}; PNGs in
 * target/screenshots/pseudo-*.png.
 */
@Tag("screenshot")
class PseudoLocaleScreenshotTest extends PseudoLocaleWindowTest {
    @Start
    @Override
    void start(Stage stage) { // TestFX looks for @Start on the test class itself
        super.start(stage);
    }
}
