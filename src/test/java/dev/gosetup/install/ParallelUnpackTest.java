package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.TarGzBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unpacker writes files on several threads ({@link FileWriters}) and removes trees on several
 * ({@link TreeRemover}): the result must be byte for byte and mode for mode what {@code tar -x} makes, and a
 * failure on any writer must stop the unpack with the writer's own error, with no writer still running.
 */
class ParallelUnpackTest {
    @TempDir
    Path tmp;

    @Test
    void theRealGoTreeComesOutAsTarMakesIt() throws Exception {
        Path archive = GoMirror.dir().resolve(GoMirror.FILE);
        Path ours = Files.createDirectory(tmp.resolve("ours"));
        try (InputStream in = Files.newInputStream(archive)) {
            new SafeUnpacker(ArchiveLimits.defaults()).unpackTarGz(in, ours, new CancelToken());
        }
        Path theirs = Files.createDirectory(tmp.resolve("theirs"));
        Process tar = new ProcessBuilder(systemTar(), "-C", theirs.toString(), "-xzf", archive.toString()).inheritIO().start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0).isTrue();
        Map<String, String> expected = tree(theirs.resolve("go"));
        assertThat(expected).hasSizeGreaterThan(11_000);
        assertThat(tree(ours)).isEqualTo(expected);
    }

    @Test
    void filesOfEverySizeAroundTheHandOverLimitsArriveWhole() throws Exception {
        Random random = new Random(42);
        int small = FileWriters.SMALL;
        int[] sizes = {0, 1, 511, 512, small - 1, small, small + 1, 2 * small, 2 * small + 3, 5 << 20, 9 << 20};
        ByteArrayOutputStreamWithTar builder = new ByteArrayOutputStreamWithTar();
        builder.add("go/VERSION", "go1.22.5\n".getBytes(StandardCharsets.UTF_8), 0644);
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            random.nextBytes(data); // incompressible: the ratio check stays quiet
            String name = "go/d" + (i % 3) + "/f" + i;
            files.put(name, data);
            builder.add(name, data, i % 2 == 0 ? 0755 : 0644);
        }
        // more small files than one batch holds, in many folders
        for (int i = 0; i < 500; i++) {
            byte[] data = ("file " + i + "\n").repeat(i).getBytes(StandardCharsets.UTF_8);
            String name = "go/many/" + (i % 17) + "/s" + i;
            files.put(name, data);
            builder.add(name, data, 0644);
        }
        Path target = Files.createDirectory(tmp.resolve("t"));
        new SafeUnpacker(ArchiveLimits.defaults()).unpackTarGz(new ByteArrayInputStream(builder.build()), target,
                new CancelToken());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = target.resolve(f.getKey().substring(3));
            assertThat(Files.readAllBytes(p)).as(f.getKey()).isEqualTo(f.getValue());
        }
        for (int i = 0; i < sizes.length; i++) {
            assertThat(Files.isExecutable(target.resolve("d" + (i % 3) + "/f" + i))).as("f" + i).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void aFileThatIsAlreadyThereStopsTheUnpackAndIsLeftAsItWas() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("t"));
        Files.createDirectories(target.resolve("bin"));
        Path existing = Files.writeString(target.resolve("bin/gofmt"), "someone's file");
        TarGzBuilder archive = new TarGzBuilder().file("go/VERSION", "go1.22.5\n", 0644);
        for (int i = 0; i < 300; i++) {
            archive.file("go/src/f" + i, "x".repeat(i), 0644);
        }
        archive.file("go/bin/gofmt", "#!/bin/sh\n", 0755);
        for (int i = 0; i < 300; i++) {
            archive.file("go/test/f" + i, "y".repeat(i), 0644);
        }
        assertThatThrownBy(() -> new SafeUnpacker(ArchiveLimits.defaults())
                .unpackTarGz(new ByteArrayInputStream(archive.build()), target, new CancelToken()))
                .isInstanceOf(UnsafeArchiveException.class)
                .satisfies(dev.gosetup.testing.HasProblem.key("archive.entry.overwrites", existing.getFileName()));
        assertThat(Files.readString(existing)).isEqualTo("someone's file");
        // every writer has stopped: nothing appears after the failure was reported
        long count = countFiles(target);
        Thread.sleep(300);
        assertThat(countFiles(target)).isEqualTo(count);
    }

    @Test
    void aFullDiskIsReportedAsTheDisksFailureNotAsACorruptArchive() throws Exception {
        Path mount = Files.createDirectory(tmp.resolve("small"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root && run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root");
        try {
            ByteArrayOutputStreamWithTar builder = new ByteArrayOutputStreamWithTar();
            builder.add("go/VERSION", "go1.22.5\n".getBytes(StandardCharsets.UTF_8), 0644);
            Random random = new Random(1);
            for (int i = 0; i < 40; i++) {
                byte[] data = new byte[(i % 4 == 0) ? 300_000 : 20_000];
                random.nextBytes(data);
                builder.add("go/pkg/f" + i, data, 0644);
            }
            Path target = Files.createDirectory(mount.resolve("staging"));
            assertThatThrownBy(() -> new SafeUnpacker(ArchiveLimits.defaults())
                    .unpackTarGz(new ByteArrayInputStream(builder.build()), target, new CancelToken()))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(UnsafeArchiveException.class)
                    .hasMessageContaining("No space left");
            SdkRoot.deleteTree(target);
            assertThat(Files.exists(target)).isFalse();
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void removingATreeDeletesEveryFileButNeverFollowsALinkOut() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("precious"), "keep me");
        Path tree = Files.createDirectory(tmp.resolve("tree"));
        for (int i = 0; i < 2000; i++) {
            Path dir = Files.createDirectories(tree.resolve("d" + (i % 37) + "/e" + (i % 5)));
            Files.writeString(dir.resolve("f" + i), "x");
        }
        Files.createSymbolicLink(tree.resolve("d3/link-to-outside"), outside);
        Files.createSymbolicLink(tree.resolve("d4/e1/link-to-file"), precious);
        SdkRoot.deleteTree(tree);
        assertThat(Files.exists(tree, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(precious)).isEqualTo("keep me");
        assertThat(countFiles(outside)).isEqualTo(1);
    }

    @Test
    void removingALinkRemovesTheLinkOnly() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "keep me");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), outside);
        SdkRoot.deleteTree(link);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(outside.resolve("precious"))).isEqualTo("keep me");
    }

    /** Relative path → SHA-256 of the content and the owner's x bit, for every regular file. */
    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String name = root.relativize(p).toString();
                if (name.startsWith(".")) {
                    continue;
                }
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(name, HexFormat.of().formatHex(digest) + (Files.isExecutable(p) ? " x" : ""));
            }
        }
        return out;
    }

    /**
     * The system's own tar: on Windows (10 1803 and later) that is bsdtar in System32, which reads {@code C:\…}
     * paths; Git for Windows' GNU tar, when it comes first on PATH, takes {@code C:} for a remote host.
     */
    private static String systemTar() {
        String systemRoot = System.getenv("SystemRoot");
        return dev.gosetup.testing.HostOs.WINDOWS && systemRoot != null ? systemRoot + "\\System32\\tar.exe" : "tar";
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /** A tar.gz of binary entries with exact sizes and modes. */
    private static final class ByteArrayOutputStreamWithTar {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final TarArchiveOutputStream tar;

        ByteArrayOutputStreamWithTar() throws IOException {
            tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
        }

        void add(String name, byte[] data, int mode) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(data.length);
            e.setMode(mode);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }

        byte[] build() throws IOException {
            tar.close();
            return bytes.toByteArray();
        }
    }
}
