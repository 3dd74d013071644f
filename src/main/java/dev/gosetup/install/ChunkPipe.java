package dev.gosetup.install;

import dev.gosetup.fetch.ByteSink;
import dev.gosetup.fetch.CancelToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands downloaded chunks from the download thread to the unpack thread (bounded: {@link #CHUNKS} of 128 KiB),
 * so that the network and the disk work at the same time. Either side can fail it; the other then stops too.
 * One thread writes (through {@link #sink()} and {@link #close()}), one reads.
 */
final class ChunkPipe {
    /** The size of the buffers that are reused: the downloader's and the inflater's chunk. */
    static final int POOLED = 128 * 1024;
    /**
     * Chunks a pipe holds at most, so 512 KiB: the installs measured with 16 (2 MiB) were no faster, on loopback and
     * tmpfs, where the network outruns the disk and the pipe is full all the time.
     */
    static final int CHUNKS = 4;
    private static final Chunk END = new Chunk(new byte[0], 0);
    private final BlockingQueue<Chunk> queue;
    /**
     * Buffers the reader has finished with, for the writer's next chunks: a download passes through the same few
     * buffers instead of leaving 64 MB (and its inflated 235 MB) of garbage behind. At most capacity + 2 exist (one
     * being read, one being filled).
     */
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private volatile IOException readerFailure;
    private volatile boolean writerFailed;
    private final CancelToken cancel;
    /**
     * The chunk the writer is filling (its writes are packed: an HTTP body arrives in pieces of about 16 KiB, and a
     * chunk per piece held 128 KiB buffers an eighth full, so that the pipe held eight times its bytes).
     */
    private byte[] open;
    private int openLength;

    ChunkPipe() {
        this(new CancelToken());
    }

    /** @param cancel also ends a writer's wait on a reader that neither reads nor fails (a hung disk) */
    ChunkPipe(CancelToken cancel) {
        this(cancel, CHUNKS);
    }

    /** @param capacity chunks in the pipe at most: with the writer's chunk size, the memory it may hold */
    ChunkPipe(CancelToken cancel, int capacity) {
        this.cancel = cancel;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** A chunk: a buffer and how much of it is filled. */
    private record Chunk(byte[] bytes, int length) {}

    /**
     * The writing side: copies the bytes (the downloader reuses its buffer) into the open chunk, which goes to the
     * reader when full; {@link #close()} sends the last, partly filled one.
     */
    ByteSink sink() {
        return (b, off, len) -> {
            while (len > 0) {
                if (open == null) {
                    byte[] reused = free.poll();
                    open = reused != null ? reused : new byte[POOLED];
                    openLength = 0;
                }
                int n = Math.min(len, POOLED - openLength);
                System.arraycopy(b, off, open, openLength, n);
                openLength += n;
                off += n;
                len -= n;
                if (openLength == POOLED) {
                    Chunk full = new Chunk(open, openLength);
                    open = null;
                    put(full);
                }
            }
        };
    }

    /**
     * What the writer gets once the reader has failed on its own: its bytes are no longer wanted. Internal, like the
     * reader's {@link DownloadStopped}: the Installer reports the reader's (or the download's) own failure instead.
     */
    static final class ReaderStopped extends IOException {
        ReaderStopped(IOException cause) {
            super(cause);
        }
    }

    /**
     * What the reader gets once the writer (the download) has failed: the Installer reports the download's own failure,
     * so this has no words of its own.
     */
    static final class DownloadStopped extends IOException {
    }

    /** Checked before every chunk, so that a refused archive stops the download at once, not at its end. */
    private void put(Chunk chunk) throws IOException {
        try {
            do {
                cancel.throwIfCancelled();
                if (readerFailure != null) {
                    throw new ReaderStopped(readerFailure);
                }
            } while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** No more bytes: the reader gets the last chunk, then sees end of stream. */
    void close() throws IOException {
        if (open != null && openLength > 0) {
            Chunk last = new Chunk(open, openLength);
            open = null;
            put(last);
        }
        put(END);
    }

    /**
     * The writer failed: the reader sees an error instead of a short archive, at its next read. The flag
     * alone would do for a reader between reads; the end marker wakes one waiting in take(), and the queue is
     * emptied first so that there is always room for it (the writer is the only one who adds).
     */
    void fail() {
        writerFailed = true;
        queue.clear();
        queue.offer(END);
    }

    /**
     * The reader failed on its own (a bad archive), not because the writer stopped first. The writer sees it
     * before its next chunk, or within 100 ms while it waits for room. The queue is left alone: the end
     * marker may already be in it, and a reader that drains (its stream's close) must still find it.
     */
    void readerFailed(IOException e) {
        if (!writerFailed) {
            readerFailure = e;
        }
    }

    /** The reader's own failure, if it failed first; null otherwise. */
    IOException readerFailure() {
        return readerFailure;
    }

    InputStream inputStream() {
        return new InputStream() {
            private Chunk current = END;
            private int pos;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (writerFailed) {
                    ended = true;
                    throw new DownloadStopped(); // the rest is of no use: stop at once
                }
                if (ended) {
                    if (writerFailed) {
                        throw new DownloadStopped(); // again: END was taken once
                    }
                    return -1;
                }
                while (pos == current.length()) {
                    if (current != END) {
                        free.offer(current.bytes()); // read to its end: the writer may fill it again
                    }
                    try {
                        current = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                    pos = 0;
                    if (current == END) {
                        ended = true;
                        if (writerFailed) {
                            throw new DownloadStopped();
                        }
                        return -1;
                    }
                }
                int n = Math.min(len, current.length() - pos);
                System.arraycopy(current.bytes(), pos, b, off, n);
                pos += n;
                return n;
            }

            /** Reads to the end, so the writer never blocks on a reader that has stopped early. */
            @Override
            public void close() throws IOException {
                byte[] skip = new byte[64 * 1024];
                try {
                    while (read(skip, 0, skip.length) >= 0) {
                        // drain trailing bytes after the gzip stream (the digest still covers them)
                    }
                } catch (IOException writerStopped) {
                    // the writer failed: nothing more will come, and it reports its own failure
                }
            }
        };
    }
}
