package dev.gosetup.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an executable's virtual addresses lie in its file, read from its headers as Go's debug/buildinfo does
 * (ELF program headers, Mach-O segments, PE sections), and the address where Go's linker puts the build
 * information: the {@code .go.buildinfo} / {@code __go_buildinfo} section, else the first writable data segment or
 * section. For universal Mach-O files the first slice is read (all slices of one `go build` carry the same
 * module information; their CPUs are told by {@link dev.gosetup.install.BinaryPlatform}).
 *
 * <p>Every number comes from a file that may be hostile: tables are read with caps, offsets are checked against
 * the file's size, and anything that does not add up is "no layout" (empty), never an exception of another kind.
 */
final class ExecutableLayout {
    /** No header table of a real executable comes near this; a larger one is garbage, not worth reading. */
    static final int MAX_TABLE = 4 << 20;

    /** A mapped range: {@code size} bytes at {@code vaddr} come from the file at {@code offset}. */
    record Region(long vaddr, long size, long offset) {
        boolean holds(long addr) {
            return Long.compareUnsigned(vaddr, addr) <= 0 && size > 0
                    && Long.compareUnsigned(addr - vaddr, size) < 0;
        }
    }

    private final BoundedFile file;
    private final List<Region> regions;
    private final long dataStart;

    private ExecutableLayout(BoundedFile file, List<Region> regions, long dataStart) {
        this.file = file;
        this.regions = List.copyOf(regions);
        this.dataStart = dataStart;
    }

    long dataStart() {
        return dataStart;
    }

    /** Up to {@code size} bytes at virtual address {@code addr}, as debug/buildinfo's ReadData: empty when unmapped. */
    Optional<byte[]> read(long addr, long size) throws IOException {
        for (Region r : regions) {
            if (r.holds(addr)) {
                long inRegion = r.size() - (addr - r.vaddr());
                int n = (int) Math.min(Math.min(size, inRegion), Integer.MAX_VALUE - 8);
                return Optional.of(file.read(r.offset() + (addr - r.vaddr()), n));
            }
        }
        return Optional.empty();
    }

    /** The layout of an ELF, Mach-O (thin or universal) or PE file; empty for anything else or a broken header. */
    static Optional<ExecutableLayout> of(BoundedFile file) throws IOException {
        byte[] ident = file.read(0, 16);
        if (ident.length < 16) {
            return Optional.empty();
        }
        if (ident[0] == 0x7f && ident[1] == 'E' && ident[2] == 'L' && ident[3] == 'F') {
            return elf(file, ident);
        }
        if (ident[0] == 'M' && ident[1] == 'Z') {
            return pe(file);
        }
        int be = ByteBuffer.wrap(ident).order(ByteOrder.BIG_ENDIAN).getInt(0);
        int le = ByteBuffer.wrap(ident).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (be == 0xcafebabe || be == 0xcafebabf) {
            int n = ByteBuffer.wrap(ident).order(ByteOrder.BIG_ENDIAN).getInt(4);
            if (n < 1 || n > 30) {
                return Optional.empty(); // a Java class file, or garbage (see BinaryPlatform)
            }
            ByteBuffer first = buffer(file.read(8, be == 0xcafebabf ? 32 : 20), ByteOrder.BIG_ENDIAN);
            if (first.capacity() < 20) {
                return Optional.empty();
            }
            long offset = be == 0xcafebabf ? first.getLong(8) : Integer.toUnsignedLong(first.getInt(8));
            return machO(file, offset);
        }
        if (le == 0xfeedface || le == 0xfeedfacf || be == 0xfeedface || be == 0xfeedfacf) {
            return machO(file, 0);
        }
        return Optional.empty();
    }

    private static Optional<ExecutableLayout> elf(BoundedFile file, byte[] ident) throws IOException {
        boolean is64 = ident[4] == 2;
        ByteOrder order = ident[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer h = buffer(file.read(0, 64), order);
        if (h.capacity() < (is64 ? 64 : 52)) {
            return Optional.empty();
        }
        long phoff = is64 ? h.getLong(32) : u32(h, 28);
        long shoff = is64 ? h.getLong(40) : u32(h, 32);
        int phentsize = u16(h, is64 ? 54 : 42);
        int phnum = u16(h, is64 ? 56 : 44);
        int shentsize = u16(h, is64 ? 58 : 46);
        int shnum = u16(h, is64 ? 60 : 48);
        int shstrndx = u16(h, is64 ? 62 : 50);

        List<Region> regions = new ArrayList<>();
        long writableLoad = -1;
        if (phentsize >= (is64 ? 56 : 32)) {
            ByteBuffer ph = table(file, phoff, phentsize, phnum, order);
            for (int i = 0; ph != null && i < phnum; i++) {
                int at = i * phentsize;
                int type = ph.getInt(at);
                int flags = is64 ? ph.getInt(at + 4) : ph.getInt(at + 24);
                long offset = is64 ? ph.getLong(at + 8) : u32(ph, at + 4);
                long vaddr = is64 ? ph.getLong(at + 16) : u32(ph, at + 8);
                long filesz = is64 ? ph.getLong(at + 32) : u32(ph, at + 16);
                regions.add(new Region(vaddr, filesz, offset));
                // PT_LOAD, writable and not executable: where the data segment (and older Go's build info) lies
                if (writableLoad == -1 && type == 1 && (flags & 0x3) == 0x2) {
                    writableLoad = vaddr;
                }
            }
        }
        long buildinfo = -1;
        if (shentsize >= (is64 ? 64 : 40) && shstrndx < shnum) {
            ByteBuffer sh = table(file, shoff, shentsize, shnum, order);
            if (sh != null) {
                int strAt = shstrndx * shentsize;
                long strOffset = is64 ? sh.getLong(strAt + 24) : u32(sh, strAt + 16);
                long strSize = is64 ? sh.getLong(strAt + 32) : u32(sh, strAt + 20);
                byte[] names = strSize > 0 && strSize <= MAX_TABLE ? file.read(strOffset, (int) strSize) : new byte[0];
                for (int i = 0; i < shnum && buildinfo == -1; i++) {
                    int at = i * shentsize;
                    if (".go.buildinfo".equals(cString(names, sh.getInt(at)))) {
                        buildinfo = is64 ? sh.getLong(at + 16) : u32(sh, at + 12);
                    }
                }
            }
        }
        long start = buildinfo != -1 ? buildinfo : writableLoad != -1 ? writableLoad : 0;
        return Optional.of(new ExecutableLayout(file, regions, start));
    }

    private static Optional<ExecutableLayout> machO(BoundedFile file, long base) throws IOException {
        ByteBuffer h = buffer(file.read(base, 32), ByteOrder.LITTLE_ENDIAN);
        if (h.capacity() < 28) {
            return Optional.empty();
        }
        int magic = h.getInt(0);
        if (magic == 0xcefaedfe || magic == 0xcffaedfe) { // big-endian Mach-O (ppc): read it the other way round
            h.order(ByteOrder.BIG_ENDIAN);
            magic = h.getInt(0);
        }
        boolean is64 = magic == 0xfeedfacf;
        if (!is64 && magic != 0xfeedface) {
            return Optional.empty();
        }
        int ncmds = h.getInt(16);
        long sizeofcmds = u32(h, 20);
        if (sizeofcmds > MAX_TABLE || ncmds < 0) {
            return Optional.empty();
        }
        ByteBuffer cmds = buffer(file.read(base + (is64 ? 32 : 28), (int) sizeofcmds), h.order());
        List<Region> regions = new ArrayList<>();
        long buildinfo = -1;
        long writable = -1;
        int at = 0;
        for (int i = 0; i < ncmds && at + 8 <= cmds.capacity(); i++) {
            int cmd = cmds.getInt(at);
            long cmdsize = u32(cmds, at + 4);
            if (cmdsize < 8 || at + cmdsize > cmds.capacity()) {
                break;
            }
            boolean seg64 = cmd == 0x19;
            if ((seg64 || cmd == 0x1) && cmdsize >= (seg64 ? 72 : 56)) {
                String name = cString(cmds, at + 8, 16);
                long vmaddr = seg64 ? cmds.getLong(at + 24) : u32(cmds, at + 24);
                long fileoff = seg64 ? cmds.getLong(at + 40) : u32(cmds, at + 32);
                long filesize = seg64 ? cmds.getLong(at + 48) : u32(cmds, at + 36);
                int maxprot = cmds.getInt(at + (seg64 ? 56 : 40));
                int initprot = cmds.getInt(at + (seg64 ? 60 : 44));
                long nsects = u32(cmds, at + (seg64 ? 64 : 48));
                if (!name.equals("__PAGEZERO")) {
                    regions.add(new Region(vmaddr, filesize, base + fileoff));
                }
                if (writable == -1 && vmaddr != 0 && filesize != 0 && initprot == 3 && maxprot == 3) {
                    writable = vmaddr;
                }
                int sectSize = seg64 ? 80 : 68;
                int first = at + (seg64 ? 72 : 56);
                for (long s = 0; s < nsects && first + (s + 1) * sectSize <= at + cmdsize && buildinfo == -1; s++) {
                    int sect = (int) (first + s * sectSize);
                    if (cString(cmds, sect, 16).equals("__go_buildinfo")) {
                        buildinfo = seg64 ? cmds.getLong(sect + 32) : u32(cmds, sect + 32);
                    }
                }
            }
            at += (int) cmdsize;
        }
        long start = buildinfo != -1 ? buildinfo : writable != -1 ? writable : 0;
        return Optional.of(new ExecutableLayout(file, regions, start));
    }

    private static Optional<ExecutableLayout> pe(BoundedFile file) throws IOException {
        ByteBuffer dos = buffer(file.read(0, 64), ByteOrder.LITTLE_ENDIAN);
        if (dos.capacity() < 64) {
            return Optional.empty();
        }
        long pe = u32(dos, 0x3c);
        ByteBuffer coff = buffer(file.read(pe, 24 + 240), ByteOrder.LITTLE_ENDIAN);
        if (coff.capacity() < 24 + 32 || coff.getInt(0) != 0x00004550) {
            return Optional.empty();
        }
        int nsections = u16(coff, 6);
        int optSize = u16(coff, 20);
        int optMagic = u16(coff, 24);
        long imageBase = optMagic == 0x20b ? coff.getLong(24 + 24) : optMagic == 0x10b ? u32(coff, 24 + 28) : 0;
        ByteBuffer sections = table(file, pe + 24 + optSize, 40, nsections, ByteOrder.LITTLE_ENDIAN);
        if (sections == null) {
            return Optional.empty();
        }
        List<Region> regions = new ArrayList<>();
        long data = -1;
        for (int i = 0; i < nsections; i++) {
            int at = i * 40;
            long virtualAddress = u32(sections, at + 12);
            long rawSize = u32(sections, at + 16);
            long rawPointer = u32(sections, at + 20);
            int characteristics = sections.getInt(at + 36);
            regions.add(new Region(virtualAddress + imageBase, rawSize, rawPointer));
            // initialized data, read + write (alignment bits aside): Go's data section
            if (data == -1 && virtualAddress != 0 && rawSize != 0 && (characteristics & ~0x600000) == (0x40 | 0x40000000 | 0x80000000)) {
                data = virtualAddress + imageBase;
            }
        }
        return Optional.of(new ExecutableLayout(file, regions, data != -1 ? data : 0));
    }

    /** A table of {@code count} entries of {@code entry} bytes at {@code offset}, or null when it is not whole in the file. */
    private static ByteBuffer table(BoundedFile file, long offset, int entry, int count, ByteOrder order) throws IOException {
        long bytes = (long) entry * count;
        if (bytes > MAX_TABLE || offset < 0) {
            return null;
        }
        byte[] b = file.read(offset, (int) bytes);
        return b.length < bytes ? null : buffer(b, order);
    }

    private static ByteBuffer buffer(byte[] b, ByteOrder order) {
        return ByteBuffer.wrap(b).order(order);
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static String cString(byte[] table, int at) {
        if (at < 0 || at >= table.length) {
            return "";
        }
        int end = at;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, at, end - at, StandardCharsets.ISO_8859_1);
    }

    private static String cString(ByteBuffer b, int at, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < max && at + i < b.capacity() && b.get(at + i) != 0; i++) {
            s.append((char) (b.get(at + i) & 0xff));
        }
        return s.toString();
    }

    /** Reads of a regular file, each clamped to what the file holds: a huge or lying header never allocates more. */
    static final class BoundedFile {
        private final SeekableByteChannel channel;
        private final long size;

        BoundedFile(SeekableByteChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        byte[] read(long offset, int length) throws IOException {
            if (offset < 0 || offset >= size || length <= 0) {
                return new byte[0];
            }
            int n = (int) Math.min(length, size - offset);
            ByteBuffer buf = ByteBuffer.allocate(n);
            channel.position(offset);
            while (buf.hasRemaining() && channel.read(buf) > 0) {
                // read on until the range is whole or the file ends early (it shrank under us)
            }
            byte[] out = new byte[buf.position()];
            buf.flip().get(out);
            return out;
        }
    }
}
