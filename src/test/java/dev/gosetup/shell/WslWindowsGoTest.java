package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WSL PATH with Windows' folders appended (appendWindowsPath): the one that holds go.exe is found. */
class WslWindowsGoTest {
    @TempDir
    Path root;

    @Test
    void findsTheWindowsGoAmongTheAppendedWindowsFolders() throws Exception {
        Files.createDirectories(root.resolve("mnt/c/Program Files/Go/bin"));
        Files.createFile(root.resolve("mnt/c/Program Files/Go/bin/go.exe"));
        Files.createDirectories(root.resolve("mnt/c/WINDOWS/system32"));
        Files.createDirectories(root.resolve("usr/local/go/bin"));
        Files.createFile(root.resolve("usr/local/go/bin/go"));
        String path = "/usr/local/sbin:/usr/local/go/bin:/mnt/c/WINDOWS/system32:/mnt/c/Program Files/Go/bin:/mnt/c/Users/dev/go/bin";
        assertThat(WslWindowsGo.find(path, root)).containsExactly(Path.of("/mnt/c/Program Files/Go/bin"));
        assertThat(WslWindowsGo.find("/usr/bin:/bin", root)).isEmpty();
        assertThat(WslWindowsGo.WSL_CONF_FIX).contains("appendWindowsPath = false");
    }
}
