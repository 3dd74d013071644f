package dev.gosetup.install;

import dev.gosetup.fetch.CancelToken;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.Channels;
import java.util.Enumeration;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a Go distribution (Apache Commons Compress), streaming: a tar.gz straight from the download
 * pipe, a zip from its file (the central directory is at the end). Strips {@code go/}, creates missing
 * parents (real archives lack directory entries), keeps exec bits, and refuses anything {@link EntryGuard}
 * refuses. Files are created new, never written through an existing path.
 */
public final class SafeUnpacker {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> EXEC = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    private final ArchiveLimits limits;

    public SafeUnpacker(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Unpacks a tar.gz stream into {@code target} (an empty folder). */
    public void unpackTarGz(InputStream in, Path target, CancelToken cancel) throws IOException {
        CountingInputStream packed = new CountingInputStream(new BufferedInputStream(in, 256 * 1024));
        EntryGuard guard = new EntryGuard(limits, target);
        try (GzipCompressorInputStream gz = new GzipCompressorInputStream(packed, true);
             TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry entry;
            int count = 0;
            while ((entry = tar.getNextEntry()) != null) {
                cancel.throwIfCancelled();
                count++;
                String name = entry.getName();
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new UnsafeArchiveException("Entry " + EntryGuard.printable(name) + " is a link (to "
                            + EntryGuard.printable(entry.getLinkName()) + "); Go archives contain none.");
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw new UnsafeArchiveException("Entry " + EntryGuard.printable(name) + " is a device or fifo.");
                }
                if (!entry.isDirectory() && !entry.isFile()) {
                    throw new UnsafeArchiveException("Entry " + EntryGuard.printable(name) + " is not a file or folder.");
                }
                Path path = guard.target(name, entry.isDirectory());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                guard.declared(name, entry.getSize());
                write(tar, path, (entry.getMode() & 0111) != 0, guard, packed, entry.getSize());
            }
            if (count == 0) {
                throw new UnsafeArchiveException("The archive is empty.");
            }
        } catch (EOFException e) {
            throw new UnsafeArchiveException("The archive ends early (truncated download or corrupt file).", e);
        } catch (UnsafeArchiveException | CancelToken.CancelledException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            if (cancel.isCancelled()) {
                throw new CancelToken.CancelledException();
            }
            throw new UnsafeArchiveException("The archive is corrupt: " + e.getMessage(), e);
        }
    }

    /** Unpacks a zip file (Windows archives) into {@code target}, trusting neither directory over the other. */
    public void unpackZip(Path zip, Path target, CancelToken cancel) throws IOException {
        EntryGuard guard = new EntryGuard(limits, target);
        long packedSize = Files.size(zip);
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = file.getEntriesInPhysicalOrder();
            int count = 0;
            while (entries.hasMoreElements()) {
                cancel.throwIfCancelled();
                ZipArchiveEntry entry = entries.nextElement();
                count++;
                String name = entry.getName();
                if (entry.isUnixSymlink()) {
                    throw new UnsafeArchiveException("Entry " + EntryGuard.printable(name) + " is a link; Go archives contain none.");
                }
                Path path = guard.target(name, entry.isDirectory());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                guard.declared(name, entry.getSize());
                try (InputStream in = file.getInputStream(entry)) {
                    write(in, path, (entry.getUnixMode() & 0111) != 0, guard, null, packedSize);
                }
            }
            if (count == 0) {
                throw new UnsafeArchiveException("The archive is empty.");
            }
        } catch (UnsafeArchiveException | CancelToken.CancelledException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new UnsafeArchiveException("The zip archive is corrupt: " + e.getMessage(), e);
        }
    }

    private void write(InputStream in, Path path, boolean executable, EntryGuard guard, CountingInputStream packed,
                       long declared) throws IOException {
        Files.createDirectories(path.getParent());
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("Entry " + path.getFileName() + " would overwrite an existing path.");
        }
        byte[] buf = new byte[64 * 1024];
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // The mode is given at creation (one system call, not a chmod per file: 12,000 files in a Go tree).
        FileAttribute<?>[] mode = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(executable ? EXEC : PLAIN)}
                : new FileAttribute<?>[0];
        try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(path, options, mode))) {
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                guard.addTotal(r, packed == null ? declared : packed.count);
            }
        }
        if (POSIX && executable && !Files.isExecutable(path)) {
            Files.setPosixFilePermissions(path, EXEC); // a umask that removed the owner's x bit
        }
    }

    /** Counts the packed bytes read, for the compression-ratio check. */
    static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
