package dev.gosetup.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go's env files read as cmd/go/internal/cfg reads them (EnvFile, readEnvFile, Getenv), in one place for doctor, the
 * projects page and the tools' folders, which had each read them a little differently.
 */
class GoEnvFileTest {
    @TempDir
    Path tmp;

    @Test
    void linesAreTakenExactlyAsReadEnvFileTakesThem() throws Exception {
        Path file = Files.writeString(tmp.resolve("env"), "# a comment\n"
                + "GOPROXY=https://goproxy.cn,direct\r\n" // go keeps the CR: it is part of the value
                + "GOFLAGS= -mod=mod \n"                 // nothing is trimmed
                + "lower=skipped\n"                       // not a valid env name: skipped
                + " GOPATH=/leading/space\n"              // nor is a line starting with a space
                + "NOEQUALS\n\n"
                + "GOPRIVATE=first\nGOPRIVATE=last\n"     // the last line of a key wins
                + "GONOSUMDB=a=b\n"                       // the first '=' splits
                + "GOTOOLCHAIN=");                        // no newline at the end, empty value
        assertThat(GoEnvFile.read(file)).containsExactly(
                Map.entry("GOPROXY", "https://goproxy.cn,direct\r"),
                Map.entry("GOFLAGS", " -mod=mod "),
                Map.entry("GOPRIVATE", "last"),
                Map.entry("GONOSUMDB", "a=b"),
                Map.entry("GOTOOLCHAIN", ""));
    }

    @Test
    void theUserFileIsWhereGoLooks() {
        Path home = Path.of("/home/alex");
        assertThat(GoEnvFile.userFile("linux", Map.of(), home)).contains(home.resolve(".config/go/env"));
        assertThat(GoEnvFile.userFile("linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home)).contains(Path.of("/xdg/go/env"));
        // os.UserConfigDir fails on a relative $XDG_CONFIG_HOME, and go then reads no user file at all
        assertThat(GoEnvFile.userFile("linux", Map.of("XDG_CONFIG_HOME", "rel"), home)).isEmpty();
        assertThat(GoEnvFile.userFile("mac", Map.of(), home)).contains(home.resolve("Library/Application Support/go/env"));
        assertThat(GoEnvFile.userFile("windows", Map.of(), home)).as("no %AppData%: no file").isEmpty();
        assertThat(GoEnvFile.userFile("linux", Map.of("GOENV", "/etc/team.env"), home)).contains(Path.of("/etc/team.env"));
        assertThat(GoEnvFile.userFile("linux", Map.of("GOENV", "off"), home)).isEmpty();
        assertThat(GoEnvFile.userFile("linux", Map.of("GOENV", ""), home)).as("empty is unset").contains(home.resolve(".config/go/env"));
    }

    @Test
    void theUserFileComesBeforeGorootsGoEnvAndAKeyThereHidesGoEnvsEvenEmpty() throws Exception {
        Path goroot = Files.createDirectories(tmp.resolve("go"));
        Files.writeString(goroot.resolve("go.env"), "GOPROXY=https://proxy.golang.org,direct\nGOTOOLCHAIN=auto\n");
        Path user = Files.writeString(tmp.resolve("user.env"), "GOPROXY=https://goproxy.cn\nGOTOOLCHAIN=\n");
        assertThat(GoEnvFile.lookup("GOPROXY", user, goroot)).contains(new GoEnvFile.Found("https://goproxy.cn", user));
        assertThat(GoEnvFile.lookup("GOTOOLCHAIN", user, goroot)).contains(new GoEnvFile.Found("", user));
        assertThat(GoEnvFile.lookup("GOTOOLCHAIN", null, goroot)).contains(new GoEnvFile.Found("auto", goroot.resolve("go.env")));
        assertThat(GoEnvFile.lookup("GOTOOLCHAIN", tmp.resolve("missing"), goroot)).contains(new GoEnvFile.Found("auto", goroot.resolve("go.env")));
        assertThat(GoEnvFile.lookup("GOFLAGS", user, goroot)).isEqualTo(Optional.empty());
    }

    /** GOENV may name anything: a FIFO is not waited on, /dev/zero and a 3 GiB file are not read, a folder is none. */
    @Test
    void whatIsNotARegularFileOfAtMostAMebibyteIsNoEnvFile() throws Exception {
        Path huge = tmp.resolve("huge");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse
        }
        java.util.List<Path> notFiles = new java.util.ArrayList<>(java.util.List.of(huge, tmp));
        if (!dev.gosetup.testing.HostOs.WINDOWS) { // FIFOs (mkfifo) and /dev/zero do not exist on Windows
            Path fifo = tmp.resolve("fifo");
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
            notFiles.addAll(java.util.List.of(fifo, Path.of("/dev/zero")));
        }
        for (Path p : notFiles) {
            CompletableFuture<Map<String, String>> read = CompletableFuture.supplyAsync(() -> GoEnvFile.read(p));
            assertThat(read.get(20, TimeUnit.SECONDS)).as(p.toString()).isEmpty();
        }
    }
}
