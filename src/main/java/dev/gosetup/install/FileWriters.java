package dev.gosetup.install;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the files of one unpack on several threads, fed by the one thread that reads and checks the archive.
 *
 * <p>Why: a Go tree is 11,800 files; creating and writing them is nearly all of an install's time, and the kernel
 * does that work in the calling thread. One thread (as {@code tar -x}) leaves the other cores idle.
 *
 * <p>The reading thread keeps every check (it reads the bytes, counts them against the limits, creates the folders
 * in archive order before a file in them is handed over); the writers only create files that were already
 * judged, with {@code CREATE_NEW} and their mode as before. Small files are read whole into shared slabs and handed
 * over in batches; a larger file is handed over in chunks as it is read, never held whole. Slabs and chunks are
 * pooled buffers, given back once written. What is read but not yet written is
 * bounded by a byte budget: the reader waits when it is spent. No file is synced: an unpack goes into a staging
 * folder that is renamed into place only when complete, and a crash leaves only that folder, which the next run
 * removes. The first failure stops everything: the reader learns of it at its next hand-over, and
 * {@link #close()} waits until no writer runs any more, so the staging folder can be deleted safely.
 */
final class FileWriters implements AutoCloseable {
    /**
     * Writer threads: this machine's cores, at least two (a writer waits on the disk as much as it works), at most
     * eight. {@code -Dgosetup.unpack.writers=N} and {@code -Dgosetup.unpack.budget=BYTES} are for measuring.
     */
    static final int THREADS = Math.max(1, Integer.getInteger("gosetup.unpack.writers",
            Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()))));
    /**
     * Bytes read but not yet written, at most (plus one file being read). 1 MiB, not 4: on a disk the writers are the
     * slower side, so the budget is always spent, and with 4 MiB the bytes in flight outgrew the young generation's
     * survivor space at every collection, were promoted and piled up as garbage in the old one (install peak RSS on
     * ext4 177 -> 130 MiB, the same wall time; on tmpfs no difference either way; docs/benchmarks.md).
     */
    static final int BUDGET = Math.max(8 * 64 * 1024, Integer.getInteger("gosetup.unpack.budget", 1 << 20));
    /** Files up to this size are read whole and batched; larger ones go in chunks of this size. */
    static final int SMALL = 64 * 1024;
    private static final int BATCH_BYTES = 256 * 1024;
    private static final int BATCH_FILES = 64;
    /** What a file costs the budget besides its bytes (its path and buffer), so that empty files are bounded too. */
    private static final int OVERHEAD = 256;

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> EXEC = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<StandardOpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    
    /** Counts bytes as they are read, against the archive's limits (on the reading thread). */
    interface Counter {
        void add(int bytes) throws IOException;
    }

    /** A writer's own failure, carried to the reader unchanged (the caller unwraps it; it is no archive fault). */
    static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) {
            super(cause);
        }

        IOException failure() {
            return (IOException) getCause();
        }
    }

    /** A small file's bytes: a range of a slab (a pooled buffer that holds several small files). */
    private record SmallFile(Path path, boolean executable, byte[] bytes, int offset, int length) {}

    /** Part of a larger file: a pooled buffer and how much of it is filled. */
    private record Chunk(byte[] bytes, int length) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    private final ExecutorService pool;
    private final Semaphore budget = new Semaphore(BUDGET);
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object done = new Object();
    private final CancelToken cancel;
    /**
     * Buffers of {@link #SMALL} bytes, reused: the bytes of a whole install pass through the same few buffers, so
     * nothing in flight is garbage that outlives a young collection and piles up in the old generation (what set
     * the peak memory before: docs/benchmarks.md). How many exist is bounded by the budget.
     */
    private final ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();
    // The reading thread's own: the batch being filled, its slabs, and the slab small files are read into.
    private List<SmallFile> batch = new ArrayList<>();
    private List<byte[]> batchSlabs = new ArrayList<>();
    private int batchBytes;
    private byte[] slab;
    private int slabUsed;

    FileWriters(CancelToken cancel) {
        this(cancel, THREADS);
    }

    FileWriters(CancelToken cancel, int threads) {
        this.cancel = cancel;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads,
                r -> Thread.ofPlatform().name("gosetup-write-" + n.incrementAndGet()).daemon().unstarted(r));
    }

    /**
     * Reads one file's content from {@code in} (to its end) and hands it to the writers. Its folder must exist.
     *
     * @param sizeHint the declared size, or -1 when unknown (a hint only: what is read is what is written)
     */
    void file(Path path, boolean executable, long sizeHint, InputStream in, Counter counter) throws IOException {
        throwIfStopped();
        if (sizeHint < 0 || sizeHint > SMALL) {
            stream(path, executable, null, 0, in, counter);
            return;
        }
        int size = (int) sizeHint;
        if (slab == null || SMALL - slabUsed < size) {
            startSlab();
        }
        int n = readUpTo(in, slab, slabUsed, size, counter);
        int next = n == size ? in.read() : -1; // at a tar entry's end: -1 at once, with no copy
        if (next >= 0) {
            // More than declared (a zip header that understates): the general path, with what was read so far.
            counter.add(1);
            byte[] head = Arrays.copyOfRange(slab, slabUsed, slabUsed + n + 1);
            head[n] = (byte) next;
            stream(path, executable, head, head.length, in, counter);
            return;
        }
        acquire(OVERHEAD);
        batch.add(new SmallFile(path, executable, slab, slabUsed, n));
        slabUsed += n;
        batchBytes += OVERHEAD;
        if (batchBytes >= BATCH_BYTES || batch.size() >= BATCH_FILES) {
            flush();
        }
    }

    /** A new slab for small files: a pooled buffer, counted against the budget until its batch is written. */
    private void startSlab() throws IOException {
        slab = takeBuffer();
        slabUsed = 0;
        batchSlabs.add(slab);
        batchBytes += SMALL;
    }

    /**
     * A file larger than {@link #SMALL} or of unknown size: one writer writes it as the chunks arrive, each chunk a
     * pooled buffer that the writer gives back.
     *
     * @param head bytes already read (null: none)
     */
    private void stream(Path path, boolean executable, byte[] head, int headLength, InputStream in, Counter counter)
            throws IOException {
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>(); // bounded by the budget
        acquire(OVERHEAD);
        submit(() -> writeChunks(path, executable, chunks));
        try {
            int n = 0;
            byte[] buf = takeBuffer();
            if (head != null) {
                n = Math.min(headLength, SMALL); // head is at most SMALL + 1 bytes: a chunk and one more
                System.arraycopy(head, 0, buf, 0, n);
                if (headLength > SMALL) {
                    chunks.add(new Chunk(buf, n));
                    buf = takeBuffer();
                    buf[0] = head[SMALL];
                    n = 1;
                }
            }
            while (true) {
                n += readUpTo(in, buf, n, SMALL - n, counter);
                if (n == 0) {
                    giveBack(buf);
                    break;
                }
                chunks.add(new Chunk(buf, n));
                if (n < SMALL) {
                    break;
                }
                buf = takeBuffer();
                n = 0;
            }
        } finally {
            chunks.add(Chunk.END); // also on failure: the writer must not wait for ever (close() stops it anyway)
        }
    }

    /** Reads until {@code length} bytes or the end; returns how many were read. */
    private static int readUpTo(InputStream in, byte[] buf, int offset, int length, Counter counter) throws IOException {
        int n = 0;
        while (n < length) {
            int r = in.read(buf, offset + n, length - n);
            if (r < 0) {
                break;
            }
            counter.add(r);
            n += r;
        }
        return n;
    }

    /** A buffer of {@link #SMALL} bytes, counted against the budget (waits for room). */
    private byte[] takeBuffer() throws IOException {
        acquire(SMALL);
        byte[] b = buffers.poll();
        return b != null ? b : new byte[SMALL];
    }

    /** Any thread: the buffer back to the pool, its bytes back to the budget. */
    private void giveBack(byte[] buf) {
        buffers.offer(buf);
        budget.release(SMALL);
    }

    /** Hands over what is batched, waits for every writer, and throws the first failure, if any. */
    void finish() throws IOException {
        flush();
        synchronized (done) {
            while (pending.get() > 0 && failure.get() == null) {
                try {
                    done.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
                cancel.throwIfCancelled();
            }
        }
        throwIfStopped();
    }

    /** Stops the writers (after a failure: those still running are interrupted) and waits until none runs. */
    @Override
    public void close() throws IOException {
        if (pending.get() > 0) {
            failure.compareAndSet(null, new InterruptedIOException());
            pool.shutdownNow();
        } else {
            pool.shutdown();
        }
        try {
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow(); // a writer stuck in the kernel (a hung disk): keep asking
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<SmallFile> files = batch;
        List<byte[]> slabs = batchSlabs;
        int overhead = files.size() * OVERHEAD;
        batch = new ArrayList<>();
        batchSlabs = new ArrayList<>();
        batchBytes = 0;
        slab = null; // the next file starts a new slab: a slab belongs to one batch, given back when it is written
        submit(() -> {
            try {
                for (SmallFile f : files) {
                    if (failure.get() != null) {
                        return;
                    }
                    try (SeekableByteChannel out = open(f.path(), f.executable())) {
                        ByteBuffer b = ByteBuffer.wrap(f.bytes(), f.offset(), f.length());
                        while (b.hasRemaining()) {
                            out.write(b);
                        }
                    }
                    fixMode(f.path(), f.executable());
                }
            } finally {
                slabs.forEach(this::giveBack);
                budget.release(overhead);
            }
        });
    }

    private void writeChunks(Path path, boolean executable, BlockingQueue<Chunk> chunks) throws IOException {
        try (SeekableByteChannel out = open(path, executable)) {
            while (true) {
                Chunk chunk;
                try {
                    chunk = chunks.take();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
                if (chunk == Chunk.END) {
                    break;
                }
                try {
                    if (failure.get() == null) {
                        ByteBuffer b = ByteBuffer.wrap(chunk.bytes(), 0, chunk.length());
                        while (b.hasRemaining()) {
                            out.write(b);
                        }
                    }
                } finally {
                    giveBack(chunk.bytes());
                }
            }
        } finally {
            budget.release(OVERHEAD);
        }
        fixMode(path, executable);
    }

    /** CREATE_NEW is O_CREAT|O_EXCL: it never follows or reuses an existing path, link or not. */
    private static SeekableByteChannel open(Path path, boolean executable) throws IOException {
        // The mode is given at creation (one system call, not a chmod per file).
        FileAttribute<?>[] mode = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(executable ? EXEC : PLAIN)}
                : new FileAttribute<?>[0];
        try {
            return Files.newByteChannel(path, CREATE_NEW, mode);
        } catch (FileAlreadyExistsException e) {
            throw new UnsafeArchiveException(Problem.of("archive.entry.overwrites", path.getFileName()), e);
        }
    }

    private static void fixMode(Path path, boolean executable) throws IOException {
        if (POSIX && executable && !Files.isExecutable(path)) {
            Files.setPosixFilePermissions(path, EXEC); // a umask that removed the owner's x bit (executables only)
        }
    }

    private interface Task {
        void run() throws IOException;
    }

    private void submit(Task task) throws IOException {
        throwIfStopped();
        pending.incrementAndGet();
        pool.execute(() -> {
            try {
                task.run();
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e instanceof IOException io ? io : new IOException(e));
            } finally {
                pending.decrementAndGet();
                synchronized (done) {
                    done.notifyAll();
                }
            }
        });
    }

    /** Waits for room in the budget, giving up when a writer failed or the install is cancelled. */
    private void acquire(int bytes) throws IOException {
        int permits = Math.min(bytes, BUDGET);
        try {
            while (!budget.tryAcquire(permits, 100, TimeUnit.MILLISECONDS)) {
                throwIfStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private void throwIfStopped() throws IOException {
        cancel.throwIfCancelled();
        IOException f = failure.get();
        if (f != null) {
            throw f instanceof UnsafeArchiveException u ? u : new WriteFailed(f);
        }
    }
}
