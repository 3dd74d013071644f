package dev.gosetup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine never imports JavaFX: the window and the command line are thin faces over it. */
class ArchitectureTest {
    private static final List<String> ENGINE = List.of("host", "settings", "i18n", "logging", "cli");

    @Test
    void engineAndCliDoNotImportJavaFx() throws IOException {
        for (String pkg : ENGINE) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/gosetup", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain("import javafx");
                }
            }
        }
    }
}
