package dev.gosetup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine never imports JavaFX: the window and the command line are thin faces over it. Every package
 * but {@code ui} is checked, so a new engine package is covered without anyone remembering to list it.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/gosetup");

    @Test
    void everythingButTheWindowIsFreeOfJavaFx() throws IOException {
        List<Path> checked;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            checked = files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.startsWith(SOURCES.resolve("ui"))).toList();
        }
        for (Path f : checked) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain("import javafx").doesNotContain("javafx.");
        }
        assertThat(checked).as("the engine packages are there to check")
                .anyMatch(p -> p.startsWith(SOURCES.resolve("install"))).anyMatch(p -> p.startsWith(SOURCES.resolve("fetch")));
    }
}
