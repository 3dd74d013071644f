package dev.gosetup.mirror.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Reported;
import dev.gosetup.mirror.sumdb.NoteKey;
import dev.gosetup.mirror.sumdb.PrivateSumDb;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.testing.TarGzBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout's files, incremental re-runs, the append-only refusal, and what verify finds. */
class ToolchainProxyTest {
    @TempDir
    Path tmp;

    private ArchiveInput archive(String version, String extra) throws Exception {
        Path file = tmp.resolve("archives/" + version + extra.hashCode() + ".linux-amd64.tar.gz");
        Files.createDirectories(file.getParent());
        Files.write(file, new TarGzBuilder()
                .file("go/VERSION", version + "\ntime 2025-01-10T16:44:59Z\n", 0644)
                .file("go/bin/go", "go " + extra, 0755).file("go/bin/gofmt", "gofmt", 0755)
                .file("go/src/cmd/go/main.go", "package main\n", 0644).build());
        return new ArchiveInput(file, GoVersion.parse(version).orElseThrow(), new Platform("linux", "amd64"));
    }

    @Test
    void theLayoutHasListInfoModZipAndReRunsOnlyAdd() throws Exception {
        Path mirror = tmp.resolve("mirror");
        SumDbMode mode = new SumDbMode.Private(tmp.resolve("k"), "sumdb.test.invalid");
        ToolchainProxy.Written first = ToolchainProxy.write(mirror, List.of(archive("go1.23.5", "")), mode, ProgressListener.NONE);
        assertThat(first.built()).containsExactly("v0.0.1-go1.23.5.linux-amd64");
        Path v = ToolchainModule.folder(mirror);
        assertThat(v.resolve("v0.0.1-go1.23.5.linux-amd64.info"))
                .hasContent("{\"Version\":\"v0.0.1-go1.23.5.linux-amd64\", \"Time\":\"2025-01-10T16:44:59Z\"}\n");
        assertThat(v.resolve("v0.0.1-go1.23.5.linux-amd64.mod")).hasContent("module golang.org/toolchain\n");
        assertThat(v.resolve("list")).hasContent("v0.0.1-go1.23.5.linux-amd64\n");
        byte[] zip = Files.readAllBytes(v.resolve("v0.0.1-go1.23.5.linux-amd64.zip"));

        ToolchainProxy.Written second = ToolchainProxy.write(mirror, List.of(archive("go1.23.5", ""), archive("go1.22.12", "")),
                mode, ProgressListener.NONE);
        assertThat(second.kept()).containsExactly("v0.0.1-go1.23.5.linux-amd64");
        assertThat(second.built()).containsExactly("v0.0.1-go1.22.12.linux-amd64");
        assertThat(Files.readAllBytes(v.resolve("v0.0.1-go1.23.5.linux-amd64.zip"))).isEqualTo(zip);
        assertThat(v.resolve("list")).hasContent("v0.0.1-go1.22.12.linux-amd64\nv0.0.1-go1.23.5.linux-amd64\n");
        NoteKey verifier = NoteKey.parseVerifier(ProxyManifest.read(mirror).sumdb().verifierKey()).orElseThrow();
        assertThat(PrivateSumDb.read(mirror, verifier)).hasSize(2).first().asString().startsWith("golang.org/toolchain v0.0.1-go1.23.5.linux-amd64 h1:");
        assertThat(ToolchainProxy.verify(mirror)).isEmpty();
        try (var files = Files.walk(mirror)) {
            assertThat(files.map(Path::toString)).noneMatch(n -> n.contains(".building") || n.contains(".part") || n.contains("scratch"));
        }
    }

    @Test
    void aDifferentBuildOfAVersionAlreadyVouchedForIsRefusedAndTheOldZipStays() throws Exception {
        Path mirror = tmp.resolve("mirror");
        SumDbMode mode = new SumDbMode.Private(tmp.resolve("k"), "sumdb.test.invalid");
        ToolchainProxy.write(mirror, List.of(archive("go1.23.5", "")), mode, ProgressListener.NONE);
        Path zip = ToolchainModule.folder(mirror).resolve("v0.0.1-go1.23.5.linux-amd64.zip");
        byte[] before = Files.readAllBytes(zip);
        Files.write(zip, new byte[] {1, 2, 3}); // damaged: it is rebuilt, and the rebuild is another build
        ToolchainProxy.Written refused = ToolchainProxy.write(mirror, List.of(archive("go1.23.5", "other build"), archive("go1.22.12", "")),
                mode, ProgressListener.NONE);
        assertThat(refused.refused()).extracting(Problem::key).containsExactly("sumdb.record.conflict");
        assertThat(refused.built()).containsExactly("v0.0.1-go1.22.12.linux-amd64"); // the others are still published
        assertThat(Files.readAllBytes(zip)).isEqualTo(new byte[] {1, 2, 3}); // nothing of the refused build was published
        ToolchainProxy.write(mirror, List.of(archive("go1.23.5", "")), mode, ProgressListener.NONE); // the same build again mends it
        assertThat(Files.readAllBytes(zip)).isEqualTo(before);
        assertThat(ToolchainProxy.verify(mirror)).isEmpty();

        assertThatThrownBy(() -> ToolchainProxy.write(mirror, List.of(), new SumDbMode.Private(tmp.resolve("k2"), "sumdb.test.invalid"),
                ProgressListener.NONE)).extracting(e -> ((Reported) e).problem().key()).isEqualTo("mirror.toolchain.otherKey");
    }

    @Test
    void verifyReportsEachDamagedOrMissingFile() throws Exception {
        Path mirror = tmp.resolve("mirror");
        ToolchainProxy.write(mirror, List.of(archive("go1.23.5", ""), archive("go1.22.12", "")),
                new SumDbMode.Private(tmp.resolve("k"), "sumdb.test.invalid"), ProgressListener.NONE);
        Path v = ToolchainModule.folder(mirror);
        Files.delete(v.resolve("v0.0.1-go1.22.12.linux-amd64.info"));
        Files.writeString(v.resolve("v0.0.1-go1.22.12.linux-amd64.mod"), "module evil\n");
        Files.write(v.resolve("v0.0.1-go1.23.5.linux-amd64.zip"), new byte[] {'P', 'K', 0});
        assertThat(ToolchainProxy.verify(mirror)).extracting(Problem::key).containsExactlyInAnyOrder(
                "mirror.toolchain.missing", "mirror.toolchain.modDamaged", "mirror.toolchain.zipUnreadable");

        Path latest = PrivateSumDb.folder(mirror, "sumdb.test.invalid").resolve("latest");
        Files.writeString(latest, Files.readString(latest).replace("\n2\n", "\n3\n"));
        assertThat(ToolchainProxy.verify(mirror)).extracting(Problem::key).contains("sumdb.note.unsigned");
        assertThat(ToolchainProxy.verify(tmp.resolve("empty"))).isEmpty();
    }

    @Test
    void aSecondBuildWhileOneRunsIsRefusedNotInterleaved() throws Exception {
        Path mirror = tmp.resolve("mirror");
        Path lockFile = Files.createDirectories(mirror.resolve("golang.org/toolchain")).resolve(".gosetup-build.lock");
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
            assertThatThrownBy(() -> ToolchainProxy.write(mirror, List.of(archive("go1.23.5", "")),
                    new SumDbMode.Private(tmp.resolve("k"), "sumdb.test.invalid"), ProgressListener.NONE))
                    .extracting(e -> ((Reported) e).problem().key()).isEqualTo("mirror.toolchain.busy");
        }
        assertThat(ToolchainProxy.write(mirror, List.of(archive("go1.23.5", "")),
                new SumDbMode.Private(tmp.resolve("k"), "sumdb.test.invalid"), ProgressListener.NONE).built()).hasSize(1);
    }
}
