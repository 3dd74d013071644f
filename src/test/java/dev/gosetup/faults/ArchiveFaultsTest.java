package dev.gosetup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.cli.CliRunner;
import dev.gosetup.testing.TarGzBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile archive the fault suite names, installed the way a user would (`gosetup install --archive`):
 * a clear error, exit code 4, no version in the sdk root, no staging folder left.
 */
class ArchiveFaultsTest {
    @TempDir
    Path tmp;

    record Case(String name, String file, byte[] bytes, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        String tgz = "go1.22.5.linux-amd64.tar.gz";
        String zip = "go1.22.5.windows-amd64.zip";
        return Stream.of(
                new Case("dot-dot", tgz, new TarGzBuilder().file("go/../../evil", "x", 0644).build(), "'..'"),
                new Case("absolute name", tgz, new TarGzBuilder().file("/etc/evil", "x", 0644).build(), "absolute"),
                new Case("backslashes", tgz, new TarGzBuilder().file("go\\..\\evil", "x", 0644).build(), "Windows-style"),
                new Case("drive letter", tgz, new TarGzBuilder().file("C:/evil", "x", 0644).build(), "Windows-style"),
                new Case("symlink", tgz, new TarGzBuilder().link("go/bin/go", "/bin/sh", TarConstants.LF_SYMLINK).build(), "link"),
                new Case("hard link", tgz, new TarGzBuilder().file("go/VERSION", "x", 0644).link("go/evil", "go/VERSION", TarConstants.LF_LINK).build(), "link"),
                new Case("file written through a link", tgz, new TarGzBuilder().link("go/lib", "/tmp", TarConstants.LF_SYMLINK)
                        .file("go/lib/evil", "x", 0644).build(), "link"),
                new Case("character device", tgz, new TarGzBuilder().special("go/dev", TarConstants.LF_CHR).build(), "device"),
                new Case("block device", tgz, new TarGzBuilder().special("go/blk", TarConstants.LF_BLK).build(), "device"),
                new Case("fifo", tgz, new TarGzBuilder().special("go/fifo", TarConstants.LF_FIFO).build(), "fifo"),
                new Case("duplicate entries", tgz, new TarGzBuilder().file("go/VERSION", "a", 0644).file("go/VERSION", "b", 0644).build(), "twice"),
                new Case("outside go/", tgz, new TarGzBuilder().file("notgo/VERSION", "x", 0644).build(), "outside go/"),
                new Case("huge declared size", tgz, gzip(hugeDeclaredSize()), "corrupt"), // the reader sees the data is missing first
                new Case("gzip bomb", tgz, new TarGzBuilder().zeros("go/bomb", 80L << 20).build(), "bomb"),
                new Case("truncated gzip", tgz, truncated(TarGzBuilder.tinyGo("go1.22.5")), "ends early"),
                new Case("corrupt tar header", tgz, gzip(corruptHeader()), "corrupt"),
                // tar names end at a NUL (GNU tar reads them so too): the entry is go/a, and an archive made of such
                // entries is no Go distribution
                new Case("NUL in a name", tgz, paxName("go/a\u0000b"), "not a Go distribution"),
                new Case("control characters in a name", tgz, new TarGzBuilder().file("go/a\u001b[31mred", "x", 0644).build(), "control character"),
                new Case("very long name", tgz, new TarGzBuilder().file("go/" + "a".repeat(300), "x", 0644).build(), "255"),
                new Case("very long path", tgz, new TarGzBuilder().file("go/" + "d/".repeat(3000) + "f", "x", 0644).build(), "characters long"),
                new Case("invalid UTF-8 name", tgz, latin1Name("go/caf\u00e9\u00ff"), "not valid UTF-8"),
                new Case("not an archive", tgz, "<html>Proxy error</html>".getBytes(StandardCharsets.UTF_8), "corrupt"),
                new Case("empty archive", tgz, new TarGzBuilder().build(), "empty"),
                new Case("safe but not Go", tgz, new TarGzBuilder().file("go/index.html", "<html>", 0644).build(), "not a Go distribution"),
                // the central directory is what a zip reader trusts; its lie is caught as the name it gives
                new Case("zip: central directory disagrees with local headers", zip, zipWithLyingDirectory(), "'..'"),
                new Case("zip: dot-dot", zip, zip("go/../evil"), "'..'"),
                new Case("zip: truncated", zip, truncated(zip("go/VERSION")), "corrupt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithExitCode4AndNothingLeft(Case c) throws Exception {
        Path archive = Files.write(tmp.resolve(c.file()), c.bytes());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.bytes()));
        Path home = Files.createDirectories(tmp.resolve("home"));
        String platform = c.file().contains("windows") ? "windows-amd64" : "linux-amd64";
        CliRunner.Result r = CliRunner.run(tmp, "install", "--archive", archive.toString(), "--sha256", sha,
                "--platform", platform, "--home", home.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains(c.says()).doesNotContain("Exception").doesNotContain("\tat ");
        Path sdk = home.resolve("sdk");
        if (Files.isDirectory(sdk)) {
            try (Stream<Path> left = Files.list(sdk)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("no version, no staging").noneMatch(n -> n.startsWith("go") || n.startsWith(".staging-") || n.startsWith(".trash-"));
            }
        }
        assertThat(Path.of("/tmp/evil")).as("nothing escaped").doesNotExist();
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    // --- archives no well-behaved writer makes ---

    static byte[] gzip(byte[] tar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
            gz.write(tar);
        }
        return out.toByteArray();
    }

    static byte[] rawTar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(content.length);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    /** A header that claims 64 GiB for a 1-byte file (the size field rewritten, the checksum fixed). */
    static byte[] hugeDeclaredSize() throws IOException {
        byte[] tar = rawTar("go/VERSION", new byte[] {'x'});
        byte[] size = "00777777777\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, tar, 124, 12);
        fixChecksum(tar);
        return tar;
    }

    static byte[] corruptHeader() throws IOException {
        byte[] tar = rawTar("go/VERSION", new byte[] {'x'});
        tar[150] ^= 0x55; // inside the checksum field: the header no longer matches it
        return tar;
    }

    static void fixChecksum(byte[] tar) {
        for (int i = 148; i < 156; i++) {
            tar[i] = ' ';
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += tar[i] & 0xff;
        }
        byte[] field = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(field, 0, tar, 148, 8);
    }

    /** A PAX path header carries any bytes, NUL included. */
    static byte[] paxName(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry e = new TarArchiveEntry("go/placeholder");
            e.addPaxHeader("path", name);
            e.setSize(1);
            tar.putArchiveEntry(e);
            tar.write('x');
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    /** A name written as ISO-8859-1 bytes: é and ÿ become 0xE9 0xFF, which is not UTF-8. */
    static byte[] latin1Name(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out), "ISO-8859-1")) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(1);
            tar.putArchiveEntry(e);
            tar.write('x');
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    static byte[] truncated(byte[] b) {
        return java.util.Arrays.copyOf(b, b.length * 2 / 3);
    }

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (String n : names) {
                zip.putArchiveEntry(new ZipArchiveEntry(n));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    /** The local header says go/VERSION; the central directory, read by most tools, says go/../evi. */
    static byte[] zipWithLyingDirectory() throws IOException {
        byte[] zip = zip("go/VERSION");
        byte[] name = "go/VERSION".getBytes(StandardCharsets.US_ASCII);
        int first = indexOf(zip, name, 0);
        int second = indexOf(zip, name, first + 1);
        byte[] lie = "go/../evil".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(lie, 0, zip, second, lie.length);
        return zip;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    static List<String> unused() {
        return List.of();
    }
}
