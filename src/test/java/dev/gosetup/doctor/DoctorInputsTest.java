package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What doctor reads besides the startup files — Go's env file (anywhere $GOENV says) and ./go.mod — is the user's:
 * a FIFO must not hang doctor (opening one for reading waits for a writer), /dev/zero or a huge file must not be
 * read until memory runs out. Each is taken as "not set"; a real file is read as before.
 */
class DoctorInputsTest {
    @TempDir
    Path home;

    @Test
    void goEnvFileReadsARealFileAndNeitherHangsNorOverflowsOnOtherThings() throws Exception {
        Path env = home.resolve("go.env");
        Files.writeString(env, "# go env -w\nGOPROXY=https://goproxy.cn,direct\r\nGOFLAGS=-mod=mod\n");
        assertThat(DoctorInputs.goEnvFile(Map.of("GOENV", env.toString()), "linux", home))
                .as("as go reads it: the CR stays part of the value").containsExactly(
                        Map.entry("GOPROXY", "https://goproxy.cn,direct\r"), Map.entry("GOFLAGS", "-mod=mod"));

        Path huge = home.resolve("huge");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse
        }
        java.util.List<String> notFiles = new java.util.ArrayList<>(java.util.List.of(huge.toString(), home.toString()));
        if (!dev.gosetup.testing.HostOs.WINDOWS) { // FIFOs (mkfifo) and /dev/zero do not exist on Windows
            Path fifo = home.resolve("fifo");
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
            notFiles.addAll(java.util.List.of(fifo.toString(), "/dev/zero"));
        }
        for (String goenv : notFiles) {
            CompletableFuture<Map<String, String>> read = CompletableFuture.supplyAsync(
                    () -> DoctorInputs.goEnvFile(Map.of("GOENV", goenv), "linux", home));
            assertThat(read.get(20, TimeUnit.SECONDS)).as(goenv).isEmpty();
        }
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "FIFOs (mkfifo) do not exist on Windows")
    @Test
    void aGoModThatIsAFifoIsNotWaitedOn() throws Exception {
        Path project = Files.createDirectories(home.resolve("p"));
        Files.writeString(project.resolve("go.mod"), "module example.com/p\n\ngo 1.22\ntoolchain go1.22.5\n");
        assertThat(DoctorInputs.goModToolchain(project)).isEqualTo("go1.22.5");
        Files.delete(project.resolve("go.mod"));
        assertThat(new ProcessBuilder("mkfifo", project.resolve("go.mod").toString()).start().waitFor()).isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> DoctorInputs.goModToolchain(project));
        assertThat(read.get(20, TimeUnit.SECONDS)).isNull();
    }
}
