package dev.gosetup.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.testfx.framework.junit5.Start;

/** The Projects page test in a real window (mvn -Pscreenshot under Xvfb): its pictures are the ones in docs/screenshots. */
@Tag("screenshot")
class ProjectsPageScreenshotTest extends ProjectsPageTest {
    @Override
    @Start
    void start(Stage stage) {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
