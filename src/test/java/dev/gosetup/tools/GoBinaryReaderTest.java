package dev.gosetup.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gosetup.testing.BuildsWithLinuxAmd64Go;
import dev.gosetup.testing.GoToolBuilds;
import dev.gosetup.testing.RealBinaries;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Build information read from real Go binaries (built here by real Go toolchains for five platforms) equals what the
 * real {@code go version -m} prints; other files are "not Go" without hanging, exhausting memory or throwing.
 */
class GoBinaryReaderTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "1.23.5, linux, amd64", "1.23.5, linux, arm64", "1.23.5, darwin, arm64", "1.23.5, darwin, amd64",
        "1.23.5, windows, amd64", "1.21.13, darwin, amd64", "1.21.13, linux, arm64", "1.19.8, linux, amd64"})
    @BuildsWithLinuxAmd64Go
    void readsWhatGoVersionMPrints(String version, String goos, String goarch) throws Exception {
        Path file = GoToolBuilds.build(version, goos, goarch, "hello");
        String oracle = GoToolBuilds.goVersionM(file);

        ToolBinary b = GoBinaryReader.read(file, null);

        assertThat(b.kind()).isEqualTo(ToolBinary.Kind.GO);
        GoBuildInfo bi = b.buildInfo();
        List<String> lines = oracle.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(file + ": " + bi.goVersion());
        assertThat(bi.goVersion()).isEqualTo("go" + version);
        // the module text in the binary is what go version -m prints, line for line (after its tab)
        String printed = String.join("\n", lines.subList(1, lines.size()).stream().map(l -> l.substring(1)).toList()) + "\n";
        assertThat(bi.modinfo()).isEqualTo(printed);
        assertThat(bi.path()).isEqualTo(GoToolBuilds.HELLO);
        assertThat(bi.main()).isEqualTo(new GoBuildInfo.Module(GoToolBuilds.MODULE, "v1.0.0", bi.main().sum(), null));
        assertThat(bi.main().sum()).startsWith("h1:");
        assertThat(bi.deps()).extracting(GoBuildInfo.Module::path, GoBuildInfo.Module::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("example.com/greet", "v1.0.0"));
        assertThat(bi.setting("GOOS")).contains(goos);
        assertThat(bi.setting("GOARCH")).contains(goarch);
        assertThat(bi.setting("CGO_ENABLED")).contains("0");
        assertThat(bi.setting("-ldflags")).as("a quoted value, unquoted").contains("-s -w");
        assertThat(printed).contains("build\t-ldflags=\"-s -w\"");
        // the header tells the CPU; ELF says "linux" whatever the GOOS (BinaryPlatform's convention)
        assertThat(b.archs()).containsExactly(goarch);
        assertThat(b.name()).isEqualTo("hello");
    }

    @BuildsWithLinuxAmd64Go
    @Test
    void aUniversalBinaryCarriesBothCpusAndItsBuildInfo() throws Exception {
        Path fat = universal(tmp.resolve("hello"), GoToolBuilds.build("1.23.5", "darwin", "arm64", "hello"),
                GoToolBuilds.build("1.23.5", "darwin", "amd64", "hello"));

        ToolBinary b = GoBinaryReader.read(fat, null);

        assertThat(b.kind()).isEqualTo(ToolBinary.Kind.GO);
        assertThat(b.platforms()).containsExactly("darwin-arm64", "darwin-amd64");
        assertThat(b.buildInfo().setting("GOARCH")).contains("arm64");
        assertThat(b.buildInfo().goVersion()).isEqualTo("go1.23.5");
    }

    @Test
    void programsWithoutGoBuildInfoAreNotGo() throws Exception {
        for (String which : List.of(RealBinaries.LINUX_AMD64, RealBinaries.DARWIN_ARM64, RealBinaries.WINDOWS_AMD64,
                RealBinaries.LINUX_ARM64)) {
            ToolBinary b = GoBinaryReader.read(RealBinaries.copy(which, tmp.resolve(which.replace('/', '_'))), null);
            assertThat(b.kind()).as(which).isEqualTo(ToolBinary.Kind.NOT_GO);
            assertThat(b.platforms()).as(which).hasSize(1);
        }
        Path script = Files.writeString(tmp.resolve("tool.sh"), "#!/bin/sh\necho hi\n"); // data: never run on Windows
        assertThat(GoBinaryReader.read(script, null).kind()).isEqualTo(ToolBinary.Kind.NOT_A_PROGRAM);
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "FIFOs (mkfifo) do not exist on Windows")
    @Test
    void aFifoIsReportedWithoutBeingOpened() throws Exception {
        Path fifo = tmp.resolve("gopls");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        ToolBinary b = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> GoBinaryReader.read(fifo, null));
        assertThat(b.kind()).isEqualTo(ToolBinary.Kind.UNREADABLE);
        assertThat(b.problem().key()).isEqualTo("tools.notAFile");
    }

    @BuildsWithLinuxAmd64Go
    @Test
    void aHugeFileWithALyingHeaderCostsAFewReads() throws Exception {
        Path huge = tmp.resolve("huge");
        byte[] go = Files.readAllBytes(GoToolBuilds.build("1.23.5", "linux", "amd64", "hello"));
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write(Arrays.copyOf(go, 4096));
            f.setLength(2L << 30); // sparse: 2 GiB that take no disk
        }
        ToolBinary b = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> GoBinaryReader.read(huge, null));
        assertThat(b.kind()).isIn(ToolBinary.Kind.NOT_GO, ToolBinary.Kind.GO);
        assertThat(b.kind()).isEqualTo(ToolBinary.Kind.NOT_GO); // the section table lies beyond 4 KiB: zeros there
    }

    @BuildsWithLinuxAmd64Go
    @Test
    void linksAreFollowedAndBothEndsReported() throws Exception {
        Path real = Files.copy(GoToolBuilds.build("1.23.5", "linux", "amd64", "hello"), tmp.resolve("hello-real"));
        Path link = Files.createSymbolicLink(tmp.resolve("hello"), real);
        ToolBinary b = GoBinaryReader.read(link, null);
        assertThat(b.file()).isEqualTo(link);
        assertThat(b.real()).isEqualTo(real.toRealPath());
        assertThat(b.kind()).isEqualTo(ToolBinary.Kind.GO);

        Path dangling = Files.createSymbolicLink(tmp.resolve("gone"), tmp.resolve("nowhere"));
        ToolBinary d = GoBinaryReader.read(dangling, null);
        assertThat(d.kind()).isEqualTo(ToolBinary.Kind.UNREADABLE);
        assertThat(d.problem()).isNotNull();
    }

    @BuildsWithLinuxAmd64Go
    @Test
    void anotherUsersFileIsReadAndItsOwnerSaid() throws Exception {
        Path file = Files.copy(GoToolBuilds.build("1.23.5", "linux", "amd64", "hello"), tmp.resolve("hello"));
        String me = Files.getOwner(file).getName();
        ToolBinary b = GoBinaryReader.read(file, "somebody-else");
        assertThat(b.kind()).isEqualTo(ToolBinary.Kind.GO);
        assertThat(b.foreignOwner()).isEqualTo(me);
        assertThat(GoBinaryReader.read(file, me).foreignOwner()).isNull();
    }

    /** Go 1.13 to 1.17 wrote pointers to Go strings: a minimal ELF64 with one writable PT_LOAD holding them. */
    @Test
    void readsThePointerFormatOfOlderGo() throws Exception {
        String mod = "0w\u00af\f\u0092t\b\u0002A\u00e1\u00c1\u0007\u00e6\u00d6\u0018\u00e6".substring(0, 16)
                + "path\tgithub.com/go-delve/delve/cmd/dlv\nmod\tgithub.com/go-delve/delve\tv1.7.3\th1:abc=\n"
                + "\u00f92C1\u0086\u0018 r\u0000\u0082B\u0010A\u0016\u00d8\u00f2".substring(0, 16);
        byte[] elf = pointerFormatElf("go1.17.13", mod.getBytes(StandardCharsets.ISO_8859_1));
        Optional<GoBuildInfo> bi = GoBinaryReader.buildInfo(new ExecutableLayout.BoundedFile(new SeekableInMemoryByteChannel(elf)));
        assertThat(bi).isPresent();
        assertThat(bi.get().goVersion()).isEqualTo("go1.17.13");
        assertThat(bi.get().path()).isEqualTo("github.com/go-delve/delve/cmd/dlv");
        assertThat(bi.get().main().version()).isEqualTo("v1.7.3");
        assertThat(bi.get().settings()).isEmpty();
    }

    static byte[] pointerFormatElf(String vers, byte[] mod) {
        long base = 0x500000;
        int dataOff = 0x100;
        ByteBuffer b = ByteBuffer.allocate(dataOff + 64 + vers.length() + mod.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 2).putShort(18, (short) 0x3e).putInt(20, 1);
        b.putLong(32, 64).putLong(40, 0).putShort(52, (short) 64).putShort(54, (short) 56).putShort(56, (short) 1);
        b.putShort(58, (short) 64).putShort(60, (short) 0).putShort(62, (short) 0);
        b.putInt(64, 1).putInt(68, 6).putLong(72, dataOff).putLong(80, base).putLong(88, base)
                .putLong(96, b.capacity() - dataOff).putLong(104, b.capacity() - dataOff).putLong(112, 0x1000);
        b.position(dataOff).put(GoBinaryReader.MAGIC).put((byte) 8).put((byte) 0).putLong(base + 32).putLong(base + 48);
        long versAt = base + 64;
        long modAt = versAt + vers.length();
        b.putLong(versAt).putLong(vers.length()).putLong(modAt).putLong(mod.length);
        b.put(vers.getBytes(StandardCharsets.ISO_8859_1)).put(mod);
        return b.array();
    }

    /** A universal Mach-O as lipo writes it: FAT_MAGIC, one fat_arch per slice, slices 16 KiB-aligned. */
    static Path universal(Path out, Path... slices) throws IOException {
        int align = 1 << 14;
        ByteBuffer header = ByteBuffer.allocate(8 + 20 * slices.length).order(ByteOrder.BIG_ENDIAN);
        header.putInt(0xcafebabe).putInt(slices.length);
        long offset = align;
        List<byte[]> bodies = new java.util.ArrayList<>();
        for (Path s : slices) {
            byte[] body = Files.readAllBytes(s);
            ByteBuffer h = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(h.getInt(4)).putInt(h.getInt(8)).putInt((int) offset).putInt(body.length).putInt(14);
            bodies.add(body);
            offset += (body.length + align - 1) / align * align;
        }
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            f.write(header.array());
            long at = align;
            for (byte[] body : bodies) {
                f.seek(at);
                f.write(body);
                at += (body.length + align - 1) / align * align;
            }
        }
        return out;
    }
}
