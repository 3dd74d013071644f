package dev.gosetup.mirror.toolchain;

import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Problem;
import dev.gosetup.install.ArchiveLimits;
import dev.gosetup.install.EntryGuard;
import dev.gosetup.install.UnsafeArchiveException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Makes the golang.org/toolchain module zip of a Go distribution archive exactly as cmd/distpack's pack.go does
 * from the same tree: regular files only, distpack's removals, bin/ only go and gofmt, pkg/ only include/ and
 * tool/GOOS_GOARCH/ (without api, dist, distpack, metadata), no api/ doc/ misc/ test/, every go.mod renamed
 * _go.mod, names under "golang.org/toolchain@VERSION/", sorted as distpack sorts, pack.go's modes and the VERSION
 * file's time on every entry. The module hash (h1:) depends only on names and contents, so it equals the hash of
 * Go's own module zip whenever the archive is Go's own.
 *
 * <p>The archive is read once, as a stream (never unpacked): each kept file is deflated into a scratch zip while
 * its SHA-256 is taken; then the scratch entries are copied, still compressed, into the final zip in distpack's
 * order. Same archive in, same bytes out.
 */
public final class ModuleZip {
    /** What was made: the module's go.sum hashes, the file count, the time from VERSION. */
    public record Result(String zipHash, String goModHash, int files, Instant versionTime) {}

    private final ArchiveLimits limits;

    public ModuleZip(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Writes the module zip of {@code input} to {@code out} (through a temporary sibling, renamed when complete). */
    public Result write(ArchiveInput input, Path out, ProgressListener progress) throws IOException {
        ToolchainModule module = input.module();
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path scratch = Files.createTempFile(dir, ".scratch-", ".zip.part");
        Path part = Files.createTempFile(dir, "." + out.getFileName(), ".part");
        try {
            Collected collected = collect(input, module, scratch, progress);
            Instant time = versionTime(collected, module);
            writeSorted(scratch, part, time);
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(DirHash.hash1(collected.sha256), DirHash.goModHash(ToolchainModule.GO_MOD), collected.sha256.size(), time);
        } finally {
            Files.deleteIfExists(scratch);
            Files.deleteIfExists(part);
        }
    }

    /** The module file name for a name in the distribution ("go/src/go.mod"), or null when distpack leaves it out. */
    static String moduleName(String relative, ToolchainModule module) {
        if (!kept(relative, module)) {
            return null;
        }
        String name = module.zipPrefix() + relative;
        return name.endsWith("/go.mod") ? name.substring(0, name.length() - "go.mod".length()) + "_go.mod" : name;
    }

    /** pack.go's filters, in its order: base.Remove, binArch.Filter (+ bin/go, bin/gofmt), modArch.Remove. */
    static boolean kept(String rel, ToolchainModule module) {
        String exe = module.platform().os().equals("windows") ? ".exe" : "";
        String base = rel.substring(rel.lastIndexOf('/') + 1);
        if (rel.startsWith(".git/") || rel.equals(".gitattributes") || rel.startsWith(".github/") || rel.equals(".gitignore")
                || rel.equals("VERSION.cache") || rel.matches("misc/cgo/[^/]+/_obj/.+") || base.equals(".DS_Store")
                || base.endsWith(".exe~") || rel.equals("src/cmd/dist/dist") || rel.equals("src/cmd/dist/dist.exe")) {
            return false;
        }
        if (rel.startsWith("bin/")) {
            return rel.equals("bin/go" + exe) || rel.equals("bin/gofmt" + exe);
        }
        if (rel.startsWith("pkg/")) {
            if (rel.startsWith("pkg/include/")) {
                return true;
            }
            String tools = "pkg/tool/" + module.platform().os() + "_" + module.platform().arch() + "/";
            if (!rel.startsWith(tools)) {
                return false;
            }
            String tool = base.endsWith(".exe") ? base.substring(0, base.length() - 4) : base;
            return !List.of("api", "dist", "distpack", "metadata").contains(tool);
        }
        return !(rel.startsWith("api/") || rel.startsWith("doc/") || rel.startsWith("misc/") || rel.startsWith("test/"));
    }

    /** pack.go's mode(): executables by place and suffix, everything else 0644. */
    static int mode(String rel) {
        if (rel.startsWith("bin/") || rel.startsWith("pkg/tool/") || rel.endsWith(".bash") || rel.endsWith(".sh")
                || rel.endsWith(".pl") || rel.endsWith(".rc") || rel.matches("(.*/)?go_[^/]+_[^/]+_exec")) {
            return 0755;
        }
        return 0644;
    }

    /** distpack's nameLess: byte order, except that '/' sorts before every other byte ("a/b" before "a.go"). */
    static final Comparator<String> DISTPACK_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < x.length && i < y.length; i++) {
            if (x[i] != y[i]) {
                if (x[i] == '/') {
                    return -1;
                }
                if (y[i] == '/') {
                    return 1;
                }
                return Integer.compare(x[i] & 0xff, y[i] & 0xff);
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private static final class Collected {
        final Map<String, byte[]> sha256 = new LinkedHashMap<>();
        String versionFile;
        Instant versionEntryTime;
    }

    private Collected collect(ArchiveInput input, ToolchainModule module, Path scratch, ProgressListener progress) throws IOException {
        Collected collected = new Collected();
        EntryGuard guard = new EntryGuard(limits, scratch.getParent().resolve("virtual-root"));
        long packed = Files.size(input.archiveFile());
        boolean zip = input.archiveFile().getFileName().toString().endsWith(".zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(scratch)) {
            out.setLevel(Deflater.BEST_COMPRESSION); // as pack.go's flate.BestCompression
            out.setMethod(ZipArchiveOutputStream.DEFLATED);
            if (zip) {
                try (ZipFile file = ZipFile.builder().setPath(input.archiveFile()).get()) {
                    Enumeration<ZipArchiveEntry> entries = file.getEntriesInPhysicalOrder();
                    int count = 0;
                    long packedDone = 0;
                    while (entries.hasMoreElements()) {
                        ZipArchiveEntry entry = entries.nextElement();
                        count++;
                        packedDone += Math.max(entry.getCompressedSize(), 0);
                        if (entry.isUnixSymlink()) {
                            throw new UnsafeArchiveException(Problem.of("archive.entry.zipLink", EntryGuard.printable(entry.getName())));
                        }
                        guard.target(entry.getName(), entry.isDirectory());
                        if (entry.isDirectory()) {
                            continue;
                        }
                        guard.declared(entry.getName(), entry.getSize());
                        try (InputStream in = file.getInputStream(entry)) {
                            take(entry.getName(), in, entry.getLastModifiedDate().toInstant(), module, out, guard, () -> packed, collected);
                        }
                        progress.bytes(Math.min(packedDone, packed), packed, 0);
                    }
                    if (count == 0) {
                        throw new UnsafeArchiveException(Problem.of("archive.empty"));
                    }
                }
            } else {
                Counting counting = new Counting(new BufferedInputStream(Files.newInputStream(input.archiveFile()), 1 << 16));
                try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(counting))) {
                    TarArchiveEntry entry;
                    int count = 0;
                    while ((entry = tar.getNextEntry()) != null) {
                        count++;
                        String name = entry.getName();
                        EntryGuard.refuseSpecial(entry);
                        guard.target(name, entry.isDirectory());
                        if (entry.isDirectory()) {
                            continue;
                        }
                        guard.declared(name, entry.getSize());
                        take(name, tar, entry.getModTime().toInstant(), module, out, guard, counting::count, collected);
                        progress.bytes(counting.count(), packed, 0);
                    }
                    if (count == 0) {
                        throw new UnsafeArchiveException(Problem.of("archive.empty"));
                    }
                }
            }
        } catch (EOFException e) {
            throw new UnsafeArchiveException(Problem.of("archive.truncated"), e);
        } catch (UnsafeArchiveException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof dev.gosetup.i18n.Reported) {
                throw (IOException) e;
            }
            throw new UnsafeArchiveException(Problem.of("archive.corrupt", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        for (String required : List.of("bin/go", "bin/gofmt", "src/cmd/go/main.go", "VERSION")) {
            String rel = required.startsWith("bin/") && module.platform().os().equals("windows") ? required + ".exe" : required;
            if (!collected.sha256.containsKey(module.zipPrefix() + rel)) {
                throw new UnsafeArchiveException(Problem.of("archive.notGo", input.archiveFile().getFileName().toString(), "go/" + rel));
            }
        }
        return collected;
    }

    private void take(String name, InputStream in, Instant time, ToolchainModule module, ZipArchiveOutputStream out,
                      EntryGuard guard, java.util.function.LongSupplier packed, Collected collected) throws IOException {
        String rel = name.substring(3); // EntryGuard made sure it starts with "go/"
        String moduleName = moduleName(rel, module);
        MessageDigest sha = DirHash.sha256();
        InputStream source = new DigestInputStream(new Limited(in, limits.maxEntryBytes(), name), sha);
        if (moduleName == null) {
            guard.addTotal(source.transferTo(java.io.OutputStream.nullOutputStream()), packed.getAsLong());
            return;
        }
        byte[] small = null;
        ZipArchiveEntry entry = new ZipArchiveEntry(moduleName);
        out.putArchiveEntry(entry);
        if (rel.equals("VERSION")) {
            small = source.readNBytes(1 << 16);
            out.write(small);
            collected.versionFile = new String(small, StandardCharsets.UTF_8);
            collected.versionEntryTime = time;
        }
        long n = source.transferTo(out) + (small == null ? 0 : small.length);
        out.closeArchiveEntry();
        guard.addTotal(n, packed.getAsLong());
        collected.sha256.put(moduleName, sha.digest());
    }

    /** VERSION's "time" line (distpack stamps every file with it); the first line must be the version asked for. */
    private static Instant versionTime(Collected collected, ToolchainModule module) throws UnsafeArchiveException {
        String[] lines = collected.versionFile.split("\n");
        if (!lines[0].strip().equals(module.go().name())) {
            throw new UnsafeArchiveException(Problem.of("mirror.toolchain.versionDiffers", module.go().name(),
                    EntryGuard.printable(lines[0].strip())));
        }
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals("time")) {
                try {
                    return Instant.parse(f[1]);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new UnsafeArchiveException(Problem.of("mirror.toolchain.badVersionTime", EntryGuard.printable(f[1])), e);
                }
            }
        }
        return collected.versionEntryTime; // releases before distpack (Go 1.20 and older) have no time line
    }

    private static void writeSorted(Path scratch, Path part, Instant time) throws IOException {
        // Java writes a zip entry's DOS time in the local zone; Go writes the UTC fields. Shift so that both agree and
        // the bytes do not depend on the machine's time zone.
        long dosMillis = LocalDateTime.ofInstant(time, ZoneOffset.UTC).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (ZipFile in = ZipFile.builder().setPath(scratch).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(part)) {
            List<ZipArchiveEntry> entries = new ArrayList<>();
            in.getEntries().asIterator().forEachRemaining(entries::add);
            entries.sort(Comparator.comparing(ZipArchiveEntry::getName, DISTPACK_ORDER));
            for (ZipArchiveEntry e : entries) {
                ZipArchiveEntry copy = new ZipArchiveEntry(e.getName());
                copy.setMethod(ZipArchiveEntry.DEFLATED);
                copy.setTime(dosMillis);
                copy.setUnixMode(0100000 | mode(e.getName().substring(e.getName().indexOf('/', e.getName().indexOf('@')) + 1)));
                copy.setSize(e.getSize());
                copy.setCompressedSize(e.getCompressedSize());
                copy.setCrc(e.getCrc());
                try (InputStream raw = in.getRawInputStream(e)) {
                    out.addRawArchiveEntry(copy, raw);
                }
            }
        }
    }

    /** Counts the packed bytes read, for the bomb ratio and progress. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** One entry may not exceed the per-entry limit, whatever its header declared. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String name;
        private long read;

        Limited(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            if (read > max) {
                throw new UnsafeArchiveException(Problem.of("archive.entry.absurdSize", EntryGuard.printable(name), read));
            }
            return n;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
