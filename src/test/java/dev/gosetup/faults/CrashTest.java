package dev.gosetup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.cli.CliRunner;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.TarGzBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of the two things that must never be seen half-done: unpacking a Go and writing a
 * startup file. A real child JVM is killed (SIGKILL: no shutdown hooks, no finally blocks).
 */
@Timeout(180)
class CrashTest {
    @TempDir
    Path tmp;

    static ProcessBuilder childJvm(String mainClass, String... args) {
        return dev.gosetup.testing.ChildJvm.of(mainClass, args);
    }

    static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.count();
        }
    }

    @Test
    void killedWhileUnpackingTheRealGoLeavesNoVersionAndTheNextRunCleansUp() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path sdk = home.resolve("sdk");
        // the user's active Go before the crash: must still be active after it
        byte[] old = TarGzBuilder.tinyGo("go1.18.10");
        Path oldArchive = Files.write(tmp.resolve("go1.18.10.linux-amd64.tar.gz"), old);
        assertThat(CliRunner.run(tmp, "install", "--archive", oldArchive.toString(), "--sha256", sha(old), "--platform", "linux-amd64",
                "--home", home.toString()).exitCode()).isZero();
        Path link = sdk.resolve("go");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("go1.18.10"));

        Path archive = GoMirror.dir().resolve(GoMirror.FILE);
        Process child = childJvm("dev.gosetup.Main", "install", "--archive", archive.toString(), "--sha256", GoMirror.sha256(),
                "--platform", "linux-amd64", "--home", home.toString()).start();
        child.getOutputStream().close();
        Path staging = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            try (Stream<Path> s = Files.list(sdk)) {
                staging = s.filter(p -> p.getFileName().toString().startsWith(".staging-")).findFirst().orElse(null);
            }
            if (staging != null && count(staging) > 2000) { // well into the 11,780 files
                break;
            }
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("killed mid-unpack, not after").isTrue();
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(sdk.resolve("go1.19.8")).as("no half version is visible").doesNotExist();
        assertThat(staging).as("the crash left its staging folder").exists();
        assertThat(Files.readSymbolicLink(link)).as("the active link is unchanged").isEqualTo(Path.of("go1.18.10"));

        // the next run cleans up before it does anything else
        byte[] next = TarGzBuilder.tinyGo("go1.22.5");
        Path nextArchive = Files.write(tmp.resolve("go1.22.5.linux-amd64.tar.gz"), next);
        assertThat(CliRunner.run(tmp, "install", "--archive", nextArchive.toString(), "--sha256", sha(next), "--platform", "linux-amd64",
                "--home", home.toString()).exitCode()).isZero();
        assertThat(staging).doesNotExist();
        try (Stream<Path> s = Files.list(sdk)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-") || n.equals("go1.19.8"));
        }
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("go1.18.10"));
    }

    @Test
    void killedWhileWritingAStartupFileLeavesTheOldOrTheNewNeverAMix() throws Exception {
        Path bashrc = Files.writeString(tmp.resolve(".bashrc"), "A".repeat(200_000));
        for (int round = 0; round < 5; round++) {
            Process child = childJvm(WriterLoop.class.getName(), bashrc.toString(), "A", "B").start();
            child.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("writing");
            Thread.sleep(150 + round * 70L);
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String content = Files.readString(bashrc);
            assertThat(content).as("round " + round).isIn("A".repeat(200_000), "B".repeat(200_000));
        }
        // a kill between write and rename leaves a temporary file; the next write removes stale ones
        Path stale = Files.writeString(tmp.resolve("..bashrc1234.gosetup-tmp"), "half"); // "." + the name + random
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        dev.gosetup.files.AtomicFiles.write(bashrc, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(stale).as("a stale temporary is removed (young ones may be another process's write)").doesNotExist();
        assertThat(Files.readString(bashrc)).isEqualTo("new");
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
