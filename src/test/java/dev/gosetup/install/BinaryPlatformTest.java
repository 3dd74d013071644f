package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.testing.RealBinaries;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers of real programs (JNA's native libraries for each platform), and universal Mach-O files put together
 * from two of them exactly as {@code <mach-o/fat.h>} lays them out: FAT_MAGIC with fat_arch (20 bytes) and
 * FAT_MAGIC_64 with fat_arch_64 (32 bytes, 64-bit offsets and sizes; lipo writes it when a slice lies past 4 GiB
 * or when asked with -fat64).
 */
class BinaryPlatformTest {
    @TempDir
    Path dir;

    @Test
    void readsEachRealProgram() throws IOException {
        assertThat(platformOf(RealBinaries.LINUX_AMD64)).containsExactly("linux-amd64");
        assertThat(platformOf(RealBinaries.LINUX_ARM64)).containsExactly("linux-arm64");
        assertThat(platformOf(RealBinaries.DARWIN_AMD64)).containsExactly("darwin-amd64");
        assertThat(platformOf(RealBinaries.DARWIN_ARM64)).containsExactly("darwin-arm64");
        assertThat(platformOf(RealBinaries.WINDOWS_AMD64)).containsExactly("windows-amd64");
        assertThat(platformOf(RealBinaries.WINDOWS_ARM64)).containsExactly("windows-arm64");
    }

    @Test
    void readsBothKindsOfUniversalMachO() throws IOException {
        byte[] arm = Files.readAllBytes(RealBinaries.copy(RealBinaries.DARWIN_ARM64, dir.resolve("arm")));
        byte[] intel = Files.readAllBytes(RealBinaries.copy(RealBinaries.DARWIN_AMD64, dir.resolve("intel")));
        Path fat = Files.write(dir.resolve("fat"), universal(false, intel, arm));
        Path fat64 = Files.write(dir.resolve("fat64"), universal(true, intel, arm));
        assertThat(BinaryPlatform.of(fat)).containsExactly("darwin-amd64", "darwin-arm64");
        assertThat(BinaryPlatform.of(fat64)).containsExactly("darwin-amd64", "darwin-arm64");
    }

    @Test
    void aJavaClassFileIsNotAUniversalBinary() throws IOException {
        // Same first four bytes (0xcafebabe), then the class file's version: file(1) tells them apart by that count.
        try (var in = Object.class.getResourceAsStream("Object.class")) {
            Path classFile = Files.write(dir.resolve("Object.class"), in.readAllBytes());
            assertThatThrownBy(() -> BinaryPlatform.of(classFile)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void textIsNotAProgram() throws IOException {
        Path script = Files.writeString(dir.resolve("go"), "#!/bin/sh\nexec /usr/local/go/bin/go \"$@\"\n"); // data: never run on Windows
        assertThatThrownBy(() -> BinaryPlatform.of(script)).isInstanceOf(IOException.class);
    }

    private List<String> platformOf(String which) throws IOException {
        return BinaryPlatform.of(RealBinaries.copy(which, dir.resolve(which.replace('/', '_'))));
    }

    /** A universal file of the given slices, each at a 16 KiB boundary (2^14, lipo's alignment for arm64). */
    private static byte[] universal(boolean is64, byte[]... slices) throws IOException {
        int align = 14;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes); // big-endian, as fat headers are
        out.writeInt(is64 ? 0xcafebabf : 0xcafebabe);
        out.writeInt(slices.length);
        long offset = 1L << align;
        for (byte[] slice : slices) {
            int cpuType = java.nio.ByteBuffer.wrap(slice, 4, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            int cpuSubtype = java.nio.ByteBuffer.wrap(slice, 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            out.writeInt(cpuType);
            out.writeInt(cpuSubtype);
            if (is64) {
                out.writeLong(offset);
                out.writeLong(slice.length);
                out.writeInt(align);
                out.writeInt(0); // reserved
            } else {
                out.writeInt((int) offset);
                out.writeInt(slice.length);
                out.writeInt(align);
            }
            offset += (slice.length + (1L << align) - 1) & -(1L << align);
        }
        for (byte[] slice : slices) {
            out.write(new byte[(int) ((1L << align) - bytes.size() % (1L << align)) % (1 << align)]);
            out.write(slice);
        }
        return bytes.toByteArray();
    }
}
