package dev.gosetup.mirror.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Reported;
import dev.gosetup.install.ArchiveLimits;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.testing.TarGzBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module zip against cmd/distpack's pack.go rules, its hash against dirhash's definition, and hostile archives. */
class ModuleZipTest {
    private static final String P = "golang.org/toolchain@v0.0.1-go1.23.5.linux-amd64/";

    @TempDir
    Path tmp;

    /** A distribution with a file of every kind pack.go treats specially. */
    private static byte[] distribution() throws Exception {
        TarGzBuilder b = new TarGzBuilder().dir("go/");
        String[] names = {"VERSION", "go.env", "LICENSE", "api/go1.txt", "doc/go_spec.html", "misc/wasm/wasm_exec.js",
                "test/fixedbugs/bug1.go", "bin/go", "bin/gofmt", "bin/linux_arm64/go", "bin/stray", "pkg/include/textflag.h",
                "pkg/linux_amd64/fmt.a", "pkg/tool/linux_amd64/compile", "pkg/tool/linux_amd64/api", "pkg/tool/linux_amd64/dist",
                "pkg/tool/linux_amd64/distpack", "pkg/tool/linux_amd64/metadata", "pkg/tool/linux_arm64/compile",
                "src/go.mod", "src/cmd/go.mod", "src/cmd/go/main.go", "src/make.bash", "src/bytes/bytes.go", "src/bytes/bytes_test.go",
                "src/bytes.go", "src/cmd/dist/dist", ".gitignore", ".github/x.yml", "src/.DS_Store", "misc/cgo/a/_obj/x",
                "lib/time/zoneinfo.zip", "src/x.exe~", "misc/go_android_exec/go_android_arm_exec"};
        for (String n : names) {
            String content = n.equals("VERSION") ? "go1.23.5\ntime 2025-01-10T16:44:59Z\n" : "content of " + n + "\n";
            b.file("go/" + n, content, n.startsWith("bin/") || n.startsWith("pkg/tool/") ? 0755 : 0644);
        }
        return b.build();
    }

    private ArchiveInput input(byte[] archive, String version) throws Exception {
        Path file = tmp.resolve(version + ".linux-amd64.tar.gz");
        Files.write(file, archive);
        return new ArchiveInput(file, GoVersion.parse(version).orElseThrow(), new Platform("linux", "amd64"));
    }

    @Test
    void theZipHoldsWhatPackGoKeepsNamedSortedAndStampedAsPackGoDoes() throws Exception {
        Path out = tmp.resolve("m.zip");
        ModuleZip.Result result = new ModuleZip(ArchiveLimits.defaults()).write(input(distribution(), "go1.23.5"), out, ProgressListener.NONE);

        List<String> names = new ArrayList<>();
        Map<String, byte[]> sums = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(out).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                names.add(e.getName());
                assertThat(e.getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
                String rel = e.getName().substring(P.length());
                int expectedMode = rel.startsWith("bin/") || rel.startsWith("pkg/tool/") || rel.endsWith(".bash")
                        || rel.endsWith("_exec") ? 0755 : 0644;
                assertThat(e.getUnixMode()).as(rel).isEqualTo(0100000 | expectedMode);
                assertThat(e.getLastModifiedDate().toInstant().toString()).as("DOS time, local zone")
                        .isEqualTo(java.time.LocalDateTime.of(2025, 1, 10, 16, 44, 58).atZone(java.time.ZoneId.systemDefault()).toInstant().toString());
                try (var in = zip.getInputStream(e)) {
                    sums.put(e.getName(), MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                }
            }
        }
        // distpack's nameLess order: '/' before any other byte, so src/bytes/… comes before src/bytes.go
        assertThat(names).containsExactly(P + "LICENSE", P + "VERSION", P + "bin/go", P + "bin/gofmt", P + "go.env",
                P + "lib/time/zoneinfo.zip", P + "pkg/include/textflag.h", P + "pkg/tool/linux_amd64/compile",
                P + "src/_go.mod", P + "src/bytes/bytes.go", P + "src/bytes/bytes_test.go", P + "src/bytes.go",
                P + "src/cmd/_go.mod", P + "src/cmd/go/main.go", P + "src/make.bash");
        assertThat(result.files()).isEqualTo(names.size());
        assertThat(result.zipHash()).isEqualTo(dirhash(sums)).isEqualTo(ToolchainProxy.zipHash(out));
        assertThat(result.goModHash()).isEqualTo(dirhash(Map.of("go.mod",
                MessageDigest.getInstance("SHA-256").digest("module golang.org/toolchain\n".getBytes(StandardCharsets.UTF_8)))));
        assertThat(result.versionTime()).hasToString("2025-01-10T16:44:59Z");
    }

    @Test
    void theSameArchiveGivesTheSameBytes() throws Exception {
        ArchiveInput in = input(distribution(), "go1.23.5");
        Path a = tmp.resolve("a.zip");
        Path b = tmp.resolve("b.zip");
        new ModuleZip(ArchiveLimits.defaults()).write(in, a, ProgressListener.NONE);
        new ModuleZip(ArchiveLimits.defaults()).write(in, b, ProgressListener.NONE);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> !n.contains("part") && !n.contains("scratch"));
        }
    }

    @Test
    void aWindowsZipArchiveIsReadToo() throws Exception {
        Path archive = tmp.resolve("go1.23.5.windows-amd64.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(archive)) {
            for (String n : List.of("go/VERSION", "go/bin/go.exe", "go/bin/gofmt.exe", "go/bin/go", "go/src/cmd/go/main.go",
                    "go/pkg/tool/windows_amd64/compile.exe", "go/pkg/tool/windows_amd64/dist.exe")) {
                out.putArchiveEntry(new ZipArchiveEntry(n));
                out.write((n.endsWith("VERSION") ? "go1.23.5\ntime 2025-01-10T16:44:59Z\n" : n).getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        Path zip = tmp.resolve("w.zip");
        new ModuleZip(ArchiveLimits.defaults()).write(new ArchiveInput(archive, GoVersion.parse("go1.23.5").orElseThrow(),
                new Platform("windows", "amd64")), zip, ProgressListener.NONE);
        String w = "golang.org/toolchain@v0.0.1-go1.23.5.windows-amd64/";
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            assertThat(Collections.list(z.getEntriesInPhysicalOrder())).extracting(ZipArchiveEntry::getName)
                    .containsExactly(w + "VERSION", w + "bin/go.exe", w + "bin/gofmt.exe", w + "pkg/tool/windows_amd64/compile.exe",
                            w + "src/cmd/go/main.go");
        }
    }

    @Test
    void hostileOrWrongArchivesAreRefusedAndLeaveNothing() throws Exception {
        ModuleZip zips = new ModuleZip(ArchiveLimits.defaults());
        Path out = tmp.resolve("out/m.zip");
        Files.createDirectories(out.getParent());
        assertThat(refusal(zips, new TarGzBuilder().file("go/VERSION", "go1.23.5\n", 0644)
                .file("go/../../etc/passwd", "x", 0644).build(), out)).isEqualTo("archive.entry.dotSegment");
        assertThat(refusal(zips, new TarGzBuilder().file("go/VERSION", "go1.23.5\n", 0644)
                .link("go/bin/go", "/usr/bin/sudo", TarConstants.LF_SYMLINK).build(), out)).isEqualTo("archive.entry.link");
        assertThat(refusal(zips, new TarGzBuilder().file("/etc/passwd", "x", 0644).build(), out)).isEqualTo("archive.entry.absolute");
        assertThat(refusal(zips, new TarGzBuilder().file("go/VERSION", "go1.22.0\ntime 2025-01-10T16:44:59Z\n", 0644)
                .file("go/bin/go", "x", 0755).file("go/bin/gofmt", "x", 0755).file("go/src/cmd/go/main.go", "x", 0644).build(), out))
                .isEqualTo("mirror.toolchain.versionDiffers");
        assertThat(refusal(zips, new TarGzBuilder().file("go/VERSION", "go1.23.5\n", 0644).build(), out)).isEqualTo("archive.notGo");
        assertThat(refusal(zips, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}, out)).isIn("archive.truncated", "archive.corrupt");

        TarGzBuilder many = new TarGzBuilder();
        for (int i = 0; i < 60; i++) {
            many.file("go/f" + i, "", 0644);
        }
        ModuleZip tight = new ModuleZip(new ArchiveLimits(1 << 20, 1 << 22, 50, 50.0, 1024));
        assertThat(refusal(tight, many.build(), out)).isEqualTo("archive.tooManyEntries");
        try (var left = Files.list(out.getParent())) {
            assertThat(left.toList()).isEmpty();
        }
    }

    private String refusal(ModuleZip zips, byte[] archive, Path out) throws Exception {
        ArchiveInput in = input(archive, "go1.23.5");
        try {
            zips.write(in, out, ProgressListener.NONE);
        } catch (Exception e) {
            assertThat(e).isInstanceOf(Reported.class);
            return ((Reported) e).problem().key();
        }
        throw new AssertionError("not refused");
    }

    /** dirhash.Hash1 written out from its definition (hash_test.go's htop over "%x  %s\n" lines sorted by name). */
    private static String dirhash(Map<String, byte[]> sums) throws Exception {
        StringBuilder summary = new StringBuilder();
        sums.keySet().stream().sorted().forEach(n -> summary.append(java.util.HexFormat.of().formatHex(sums.get(n))).append("  ").append(n).append('\n'));
        return "h1:" + java.util.Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(summary.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
