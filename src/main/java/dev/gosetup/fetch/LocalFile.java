package dev.gosetup.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** Bytes already on disk, hashed and passed on exactly as if they were arriving over the network. */
public final class LocalFile {
    private static final int CHUNK = 128 * 1024;

    private LocalFile() {}

    /** A whole local archive (--archive, a file: mirror): its size and SHA-256, every byte given to {@code sink}. */
    public static FetchResult read(Path file, ByteSink sink, ProgressListener listener, CancelToken cancel) throws IOException {
        if (!Files.isRegularFile(file)) {
            // A file: mirror (air-gapped sites) or --archive that lacks the file: a download that failed.
            throw new DownloadException(dev.gosetup.i18n.Problem.of("download.localMissing", file));
        }
        Sha256 sha = new Sha256();
        long n = feed(file, sha, sink, Files.size(file), listener, cancel);
        return new FetchResult(n, sha.hex());
    }

    /** @param options {@link java.nio.file.LinkOption#NOFOLLOW_LINKS} for a file of ours that must not be a link */
    static long feed(Path file, Sha256 sha, ByteSink sink, long total, ProgressListener listener, CancelToken cancel,
                     OpenOption... options) throws IOException {
        long n = 0;
        byte[] buf = new byte[CHUNK];
        // A local mirror reports a real rate too (not "0.0 MB/s"): measured as for a download.
        RateMeter meter = new RateMeter(listener, total, 0);
        try (InputStream in = Files.newInputStream(file, options)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                cancel.throwIfCancelled();
                sha.update(buf, 0, r);
                sink.write(buf, 0, r);
                n += r;
                meter.update(n, false);
            }
        }
        meter.update(n, true);
        return n;
    }
}
