package dev.gosetup.install;

import dev.gosetup.fetch.ByteSink;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.i18n.Problem;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a Go distribution (Apache Commons Compress), streaming: a tar.gz straight from the download
 * pipe, a zip from its file (the central directory is at the end). Strips {@code go/}, creates missing
 * parents (real archives lack directory entries), keeps exec bits, and refuses anything {@link EntryGuard}
 * refuses. Files are created new, never written through an existing path. This thread reads and judges every
 * entry and creates the folders in archive order; {@link FileWriters} writes the files on several threads.
 */
public final class SafeUnpacker {

    private final ArchiveLimits limits;

    public SafeUnpacker(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * Unpacks a tar.gz stream into {@code target} (an empty folder). Inflating runs on its own thread, as
     * {@code gzip -d | tar -x} runs in two processes, so that decompression and file writing overlap.
     */
    public void unpackTarGz(InputStream in, Path target, CancelToken cancel) throws IOException {
        // The caller closes {@code in}; the gzip reader's close would drain it, that is download the whole rest.
        CountingInputStream packed = new CountingInputStream(new BufferedInputStream(unclosable(in), 256 * 1024));
        // A few chunks of 128 KiB are enough to keep the reader fed (memory is part of the goal).
        ChunkPipe inflated = new ChunkPipe(cancel, ChunkPipe.CHUNKS);
        IOException[] inflateFailure = new IOException[1];
        Thread inflater = Thread.ofPlatform().name("gosetup-inflate").daemon().start(() -> {
            byte[] buf = new byte[128 * 1024];
            try (GzipCompressorInputStream gz = new GzipCompressorInputStream(packed, true)) {
                ByteSink sink = inflated.sink();
                int r;
                while ((r = gz.read(buf)) > 0) {
                    sink.write(buf, 0, r);
                }
                inflated.close();
            } catch (IOException | RuntimeException e) {
                inflateFailure[0] = e instanceof IOException io ? io : new IOException(e);
                inflated.fail();
            }
        });
        InputStream tarBytes = inflated.inputStream();
        try {
            // The tar reader's close would drain the pipe, that is inflate (and download) the whole rest before
            // a refusal is said: the pipe is closed below, once success or failure is known.
            unpackTar(unclosable(tarBytes), target, cancel, () -> packed.count);
        } catch (IOException e) {
            inflated.readerFailed(e);
            join(inflater);
            // A broken gzip stream is the cause when inflating failed: say that, not what tar made of it.
            // (The inflater's ReaderStopped only echoes this failure.)
            throw inflateFailure[0] != null && !(inflateFailure[0] instanceof ChunkPipe.ReaderStopped)
                    && !(e instanceof CancelToken.CancelledException) ? corrupt(inflateFailure[0], cancel) : e;
        }
        tarBytes.close(); // drains what follows the tar's end (the digest still covers it)
        join(inflater);
        if (inflateFailure[0] != null) {
            throw corrupt(inflateFailure[0], cancel);
        }
    }

    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // closed by its owner
            }
        };
    }

    private static void join(Thread t) throws IOException {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelToken.CancelledException();
        }
    }

    private static IOException corrupt(IOException e, CancelToken cancel) {
        if (cancel.isCancelled()) {
            return new CancelToken.CancelledException();
        }
        if (e instanceof EOFException) {
            return new UnsafeArchiveException(Problem.of("archive.truncated"), e);
        }
        return e instanceof UnsafeArchiveException ? e : new UnsafeArchiveException(Problem.of("archive.corrupt", detail(e)), e);
    }

    /** What the archive library said (English, a technical detail: "Unexpected record signature"), or the type. */
    private static String detail(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void unpackTar(InputStream tarStream, Path target, CancelToken cancel, LongSupplier packedBytes)
            throws IOException {
        EntryGuard guard = new EntryGuard(limits, target);
        FolderMaker folders = new FolderMaker();
        try (FileWriters writers = new FileWriters(cancel);
             TarArchiveInputStream tar = new TarArchiveInputStream(tarStream)) {
            TarArchiveEntry entry;
            int count = 0;
            while ((entry = tar.getNextEntry()) != null) {
                cancel.throwIfCancelled();
                count++;
                String name = entry.getName();
                EntryGuard.refuseSpecial(entry);
                Path path = guard.target(name, entry.isDirectory());
                if (entry.isDirectory()) {
                    folders.make(path);
                    continue;
                }
                guard.declared(name, entry.getSize());
                folders.make(path.getParent());
                writers.file(path, (entry.getMode() & 0111) != 0, entry.getSize(), tar,
                        n -> guard.addTotal(n, packedBytes.getAsLong()));
            }
            if (count == 0) {
                throw new UnsafeArchiveException(Problem.of("archive.empty"));
            }
            writers.finish();
        } catch (FileWriters.WriteFailed e) {
            throw e.failure(); // the disk's failure (full, read-only), not the archive's
        } catch (EOFException e) {
            throw new UnsafeArchiveException(Problem.of("archive.truncated"), e);
        } catch (UnsafeArchiveException | CancelToken.CancelledException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            if (cancel.isCancelled()) {
                throw new CancelToken.CancelledException();
            }
            throw new UnsafeArchiveException(Problem.of("archive.corrupt", detail(e)), e);
        }
    }

    /** Unpacks a zip file (Windows archives) into {@code target}, trusting neither directory over the other. */
    public void unpackZip(Path zip, Path target, CancelToken cancel) throws IOException {
        EntryGuard guard = new EntryGuard(limits, target);
        FolderMaker folders = new FolderMaker();
        long packedSize = Files.size(zip);
        try (FileWriters writers = new FileWriters(cancel);
             ZipFile file = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = file.getEntriesInPhysicalOrder();
            int count = 0;
            while (entries.hasMoreElements()) {
                cancel.throwIfCancelled();
                ZipArchiveEntry entry = entries.nextElement();
                count++;
                String name = entry.getName();
                if (entry.isUnixSymlink()) {
                    throw new UnsafeArchiveException(Problem.of("archive.entry.zipLink", EntryGuard.printable(name)));
                }
                Path path = guard.target(name, entry.isDirectory());
                if (entry.isDirectory()) {
                    folders.make(path);
                    continue;
                }
                guard.declared(name, entry.getSize());
                folders.make(path.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    writers.file(path, (entry.getUnixMode() & 0111) != 0, entry.getSize(), in,
                            n -> guard.addTotal(n, packedSize));
                }
            }
            if (count == 0) {
                throw new UnsafeArchiveException(Problem.of("archive.empty"));
            }
            writers.finish();
        } catch (FileWriters.WriteFailed e) {
            throw e.failure();
        } catch (UnsafeArchiveException | CancelToken.CancelledException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new UnsafeArchiveException(Problem.of("archive.zipCorrupt", detail(e)), e);
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
