package dev.gosetup.tools;

import dev.gosetup.i18n.Problem;
import dev.gosetup.install.BinaryPlatform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file's Go build information without running it, the way Go's debug/buildinfo does: the 16-byte-aligned
 * {@code "\xff Go buildinf:"} header in the first 64 KiB at the build-info section or data segment, then either
 * the two varint-prefixed strings that follow it (flag bit 0x2: Go 1.18 and later) or two pointers to Go string
 * headers (Go 1.13 to 1.17, whose linker wrote runtime.buildVersion and runtime.modinfo as pointers). Binaries of
 * Go 1.12 and older carry no such header and are reported as programs without build information, as
 * {@code go version} itself does.
 *
 * <p>Only regular files are opened (a FIFO in GOPATH/bin would block a reader for ever), reads are bounded
 * (a 2 GB file costs a few KiB), a symbolic link is followed to its end and both ends are reported.
 */
public final class GoBinaryReader {
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    /** debug/buildinfo reads this much at the data start; the header and (1.18+) both strings must be in it. */
    static final int WINDOW = 64 * 1024;
    /** A module text longer than this (pointer format only) is garbage, not read. */
    static final int MAX_STRING = 1 << 20;

    private GoBinaryReader() {}

    /**
     * @param file  a file in a bin folder (a link is followed)
     * @param owner the user name files are expected to belong to, or null not to compare
     */
    public static ToolBinary read(Path file, String owner) {
        Path real;
        try {
            BasicFileAttributes own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            real = own.isSymbolicLink() ? file.toRealPath() : file;
            BasicFileAttributes target = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!target.isRegularFile()) {
                return ToolBinary.unreadable(file, real, Problem.of(target.isDirectory() ? "tools.isFolder" : "tools.notAFile", real));
            }
        } catch (IOException e) {
            return ToolBinary.unreadable(file, null, dev.gosetup.i18n.Problems.of(e));
        }
        String foreignOwner = foreignOwner(real, owner);
        try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ExecutableLayout.BoundedFile bounded = new ExecutableLayout.BoundedFile(channel);
            byte[] head = bounded.read(0, 4096);
            List<String> platforms;
            try {
                platforms = BinaryPlatform.of(head, real);
            } catch (IOException notAProgram) {
                return new ToolBinary(file, real, foreignOwner, List.of(), null, ToolBinary.Kind.NOT_A_PROGRAM, null);
            }
            Optional<GoBuildInfo> info = buildInfo(bounded);
            return new ToolBinary(file, real, foreignOwner, platforms, info.orElse(null),
                    info.isPresent() ? ToolBinary.Kind.GO : ToolBinary.Kind.NOT_GO, null);
        } catch (IOException e) {
            return ToolBinary.unreadable(file, real, dev.gosetup.i18n.Problems.of(e));
        }
    }

    private static String foreignOwner(Path real, String owner) {
        if (owner == null) {
            return null;
        }
        try {
            String name = Files.getOwner(real).getName();
            boolean mine = name.equals(owner) || name.endsWith("\\" + owner); // Windows names the owner DOMAIN and user
            return mine ? null : name;
        } catch (IOException | UnsupportedOperationException e) {
            return null; // no owner to tell (a file system without owners): nothing to report
        }
    }

    /** The build information of an executable, or empty when it is not a Go binary (or its header lies). */
    static Optional<GoBuildInfo> buildInfo(ExecutableLayout.BoundedFile file) throws IOException {
        Optional<ExecutableLayout> layout = ExecutableLayout.of(file);
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        ExecutableLayout x = layout.get();
        Optional<byte[]> window = x.read(x.dataStart(), WINDOW);
        if (window.isEmpty()) {
            return Optional.empty();
        }
        byte[] data = window.get();
        int at = header(data);
        if (at < 0) {
            return Optional.empty();
        }
        int ptrSize = data[at + 14];
        int flags = data[at + 15];
        String vers;
        String mod;
        if ((flags & 2) != 0) {
            int[] pos = {at + 32};
            vers = varintString(data, pos);
            mod = vers == null ? null : varintString(data, pos);
        } else {
            if (ptrSize != 4 && ptrSize != 8) {
                return Optional.empty();
            }
            ByteOrder order = flags != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer b = ByteBuffer.wrap(data).order(order);
            vers = pointedString(x, ptrSize, order, pointer(b, at + 16, ptrSize));
            mod = pointedString(x, ptrSize, order, pointer(b, at + 16 + ptrSize, ptrSize));
        }
        if (vers == null || vers.isEmpty()) {
            return Optional.empty();
        }
        // cmd/go frames the module text with 16-byte sentinels (modload's infoStart and infoEnd)
        if (mod != null && mod.length() >= 33 && mod.charAt(mod.length() - 17) == '\n') {
            mod = mod.substring(16, mod.length() - 16);
        } else {
            mod = "";
        }
        return Optional.of(BuildInfoText.parse(vers, mod));
    }

    /** The offset of the first 16-byte-aligned header with its 32 bytes whole, or -1. */
    static int header(byte[] data) {
        for (int from = 0; from + 32 <= data.length; ) {
            int i = indexOf(data, from);
            if (i < 0 || data.length - i < 32) {
                return -1;
            }
            if (i % 16 == 0) {
                return i;
            }
            from = (i + 16) & ~15;
        }
        return -1;
    }

    private static int indexOf(byte[] data, int from) {
        outer:
        for (int i = from; i <= data.length - MAGIC.length; i++) {
            for (int j = 0; j < MAGIC.length; j++) {
                if (data[i + j] != MAGIC[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A uvarint length and that many bytes at pos[0] (advanced past them), or null when they do not fit. */
    private static String varintString(byte[] data, int[] pos) {
        long len = 0;
        int shift = 0;
        int i = pos[0];
        while (true) {
            if (i >= data.length || shift > 63) {
                return null;
            }
            int b = data[i++] & 0xff;
            len |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
        }
        if (len < 0 || len >= data.length - i) { // as Go: the string and at least one byte after it must fit
            return null;
        }
        pos[0] = i + (int) len;
        return new String(data, i, (int) len, StandardCharsets.UTF_8);
    }

    private static long pointer(ByteBuffer b, int at, int ptrSize) {
        return ptrSize == 4 ? Integer.toUnsignedLong(b.getInt(at)) : b.getLong(at);
    }

    private static String pointedString(ExecutableLayout x, int ptrSize, ByteOrder order, long addr) throws IOException {
        Optional<byte[]> hdr = x.read(addr, 2L * ptrSize);
        if (hdr.isEmpty() || hdr.get().length < 2 * ptrSize) {
            return "";
        }
        ByteBuffer h = ByteBuffer.wrap(hdr.get()).order(order);
        long dataAddr = pointer(h, 0, ptrSize);
        long dataLen = pointer(h, ptrSize, ptrSize);
        if (dataLen < 0 || dataLen > MAX_STRING) {
            return "";
        }
        Optional<byte[]> s = x.read(dataAddr, dataLen);
        if (s.isEmpty() || s.get().length < dataLen) {
            return "";
        }
        return new String(s.get(), StandardCharsets.UTF_8);
    }
}
