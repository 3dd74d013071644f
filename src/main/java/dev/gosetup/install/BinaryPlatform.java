package dev.gosetup.install;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OS and CPU a program was built for, read from its header (ELF, Mach-O including universal
 * binaries, PE) without running it. Returns Go names: "linux-amd64", "darwin-arm64", "windows-amd64".
 */
public final class BinaryPlatform {
    private BinaryPlatform() {}

    public static List<String> of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        return of(head, file);
    }

    /** The same, from a file's first bytes already read (4 KiB hold every header this reads). */
    public static List<String> of(byte[] head, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(head);
        if (head.length >= 20 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            b.order(head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int machine = b.getShort(18) & 0xffff;
            String arch = switch (machine) {
                case 0x3e -> "amd64";
                case 0xb7 -> "arm64";
                case 0x03 -> "386";
                case 0x28 -> "arm";
                case 0xf3 -> head[4] == 2 ? "riscv64" : "riscv";
                case 0x15 -> head[5] == 1 ? "ppc64le" : "ppc64";
                case 0x16 -> "s390x";
                case 0x102 -> "loong64";
                default -> "elf-machine-0x" + Integer.toHexString(machine);
            };
            return List.of("linux-" + arch);
        }
        if (head.length >= 8) {
            int magicBe = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
            // Universal Mach-O (<mach-o/fat.h>): FAT_MAGIC with 20-byte fat_arch entries, or FAT_MAGIC_64 with
            // 32-byte fat_arch_64 entries (64-bit offsets, as lipo writes for slices past 4 GiB); cputype first in both.
            // A Java class file also starts with 0xcafebabe, then its version (major 45 and up): file(1)'s magic
            // takes 1..30 architectures as universal and more as a class file; so does this.
            if ((magicBe == 0xcafebabe || magicBe == 0xcafebabf) && b.getInt(4) >= 1 && b.getInt(4) <= 30) {
                int n = b.getInt(4);
                int entry = magicBe == 0xcafebabf ? 32 : 20;
                List<String> archs = new ArrayList<>();
                for (int i = 0; i < n && 8 + i * entry + 4 <= head.length; i++) {
                    archs.add("darwin-" + machO(b.getInt(8 + i * entry)));
                }
                return archs;
            }
            int magicLe = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            if (magicLe == 0xfeedfacf || magicLe == 0xfeedface) {
                return List.of("darwin-" + machO(b.getInt(4)));
            }
            if (head[0] == 'M' && head[1] == 'Z' && head.length >= 0x40) {
                int pe = b.getInt(0x3c);
                // pe comes from the file: compare without adding to it (0x7fffffff + 6 overflows to negative).
                if (pe > 0 && pe <= head.length - 6 && b.getInt(pe) == 0x00004550) {
                    int machine = b.getShort(pe + 4) & 0xffff;
                    return List.of("windows-" + switch (machine) {
                        case 0x8664 -> "amd64";
                        case 0xaa64 -> "arm64";
                        case 0x14c -> "386";
                        case 0x1c4 -> "arm";
                        default -> "pe-machine-0x" + Integer.toHexString(machine);
                    });
                }
            }
        }
        throw new ProblemException(Problem.of("install.notAProgram", file));
    }

    private static String machO(int cpuType) {
        return switch (cpuType) {
            case 0x01000007 -> "amd64";
            case 0x0100000c -> "arm64";
            case 7 -> "386";
            case 12 -> "arm";
            default -> "macho-cpu-0x" + Integer.toHexString(cpuType);
        };
    }

    public static Optional<String> single(Path file) {
        try {
            List<String> p = of(file);
            return p.size() == 1 ? Optional.of(p.getFirst()) : Optional.of(String.join("+", p));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
