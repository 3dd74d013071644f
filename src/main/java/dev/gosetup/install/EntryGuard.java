package dev.gosetup.install;

import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Problem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides, entry by entry, whether an archive may be unpacked: only regular files and directories,
 * everything under {@code go/}, no absolute names, "..", backslashes, drive letters, control characters,
 * duplicates, absurd sizes or ratios. Go's own distpack archives meet all of it (golang/go src/cmd/distpack).
 */
public final class EntryGuard {
    private final ArchiveLimits limits;
    private final Path root;
    private final Set<String> seen = new HashSet<>();
    private long totalBytes;
    private int entries;

    /**
     * A tar entry must be a plain file or folder: links (symbolic or hard) could point anywhere once unpacked,
     * devices and FIFOs have no business in a Go tree. One rule for the unpacker and the toolchain zip maker.
     */
    public static void refuseSpecial(org.apache.commons.compress.archivers.tar.TarArchiveEntry entry) throws UnsafeArchiveException {
        String name = entry.getName();
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.link", printable(name), printable(entry.getLinkName())));
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.device", printable(name)));
        }
        if (!entry.isDirectory() && !entry.isFile()) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.special", printable(name)));
        }
    }

    public EntryGuard(ArchiveLimits limits, Path root) {
        this.limits = limits;
        this.root = root;
    }

    /** The target for an entry name (the {@code go/} prefix stripped), or an exception saying why not. */
    public Path target(String name, boolean directory) throws UnsafeArchiveException {
        if (++entries > limits.maxEntries()) {
            throw new UnsafeArchiveException(Problem.of("archive.tooManyEntries", limits.maxEntries()));
        }
        if (name.length() > limits.maxNameLength()) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.nameTooLong", name.length(), limits.maxNameLength()));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new UnsafeArchiveException(Problem.of("archive.entry.control", printable(name)));
            }
            if (c == '\uFFFD' || c == '?' || c == '*' || c == '<' || c == '>' || c == '|' || c == '"') {
                // The tar reader turns bytes that are not UTF-8 into '?' (or U+FFFD); the others cannot be file
                // names on Windows, where the same Go distribution must unpack, so a real one never has them.
                throw new UnsafeArchiveException(Problem.of("archive.entry.badCharacter", printable(name)));
            }
        }
        if (name.startsWith("/") || name.contains("\\") || hasDriveLetter(name)) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.absolute", printable(name)));
        }
        String clean = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : clean.split("/", -1)) {
            if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new UnsafeArchiveException(Problem.of("archive.entry.segmentTooLong", printable(name)));
            }
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                if (!(segment.isEmpty() && clean.isEmpty())) {
                    throw new UnsafeArchiveException(Problem.of("archive.entry.dotSegment", printable(name)));
                }
            }
        }
        if (!clean.equals("go") && !clean.startsWith("go/")) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.outsideGo", printable(name)));
        }
        if (!seen.add(clean)) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.twice", printable(name)));
        }
        String relative = clean.equals("go") ? "" : clean.substring(3);
        Path target;
        try {
            target = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            // Checked above for what no system allows: what is left is a letter the locale's character set lacks.
            throw new UnnameableEntryException(Problem.of("archive.entry.unnameable", printable(name),
                    System.getProperty("sun.jnu.encoding", "?")), e);
        }
        if (!target.startsWith(root)) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.escapes", printable(name)));
        }
        return target;
    }

    /** Counts unpacked bytes against the total limit and the compression ratio. */
    public void addTotal(long bytes, long compressedSoFar) throws UnsafeArchiveException {
        totalBytes += bytes;
        if (totalBytes > limits.maxTotalBytes()) {
            throw new UnsafeArchiveException(Problem.of("archive.tooBig", new ByteSize(limits.maxTotalBytes())));
        }
        // Judged once enough has come out to matter: headers alone compress extremely well.
        if (totalBytes > (16L << 20) && totalBytes > Math.max(compressedSoFar, 1) * limits.maxRatio()) {
            throw new UnsafeArchiveException(Problem.of("archive.bomb", (int) limits.maxRatio()));
        }
    }

    /** Declared sizes are checked before a byte is written. */
    public void declared(String name, long size) throws UnsafeArchiveException {
        if (size > limits.maxEntryBytes() || size < -1) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.absurdSize", printable(name), size));
        }
    }

    public static String printable(String name) {
        StringBuilder sb = new StringBuilder("'");
        name.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append("\\x%02x".formatted(c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append(name.length() > 200 ? "…'" : "'").toString();
    }

    /** "C:..." (a Windows drive). A character test, not String.matches: that compiled a pattern per entry (JFR). */
    private static boolean hasDriveLetter(String name) {
        if (name.length() < 2 || name.charAt(1) != ':') {
            return false;
        }
        char c = name.charAt(0);
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
