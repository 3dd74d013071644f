package dev.gosetup.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The log is private (0700 folder, 0600 files, also after a rotation) and never holds a password. */
class LogSetupTest {
    static final String TOKEN = "tok-7a1b-SECRET";
    @TempDir
    Path tmp;

    @AfterEach
    void restoreLogging() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    static String all(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    @Test
    void theLogIsPrivateAndMasksCredentials() throws Exception {
        Path dir = tmp.resolve("state/gosetup");
        Path file = LogSetup.configure(dir);
        Logger log = Logger.getLogger("dev.gosetup.test");
        log.info("Release list https://ci:" + TOKEN + "@artifactory.corp/go/dl.json unavailable");
        log.log(Level.WARNING, "Download failed", new IOException("proxy http://alex:" + TOKEN + "@proxy.corp:3128 refused"));
        LogSetup.flush();

        if (dev.gosetup.testing.HostOs.posixModes()) { // Windows files have ACLs, no mode
            assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        String text = all(dir);
        assertThat(text).contains("https://ci:***@artifactory.corp/go/dl.json").contains("http://alex:***@proxy.corp:3128")
                .doesNotContain(TOKEN);
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "sets and checks POSIX modes (0755 made 0700); Windows files have ACLs, no mode")
    @Test
    void aFolderMadeEarlierWithTheDefaultModeIsMadePrivate() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(dir.resolve("gosetup1.log"), "older run\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        LogSetup.configure(dir);
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(old)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    /** FileHandler opens a new gosetup0.log with the default mode when the current one is full (1 MiB). */
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "checks the rotated log's POSIX mode 0600; Windows files have ACLs, no mode")
    @Test
    void theFileAfterARotationIsPrivateToo() throws Exception {
        Path dir = tmp.resolve("logs");
        Path file = LogSetup.configure(dir);
        Logger log = Logger.getLogger("dev.gosetup.test");
        String line = "x".repeat(1000);
        for (int i = 0; i < 1200; i++) {
            log.info(line);
        }
        LogSetup.flush();
        // the log rotates when a session starts past 1 MiB (every gosetup process shares one file)
        assertThat(LogSetup.configure(dir)).isEqualTo(file);
        assertThat(dir.resolve("gosetup1.log")).as("rotated").exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("gosetup1.log"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
