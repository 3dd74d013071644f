package dev.gosetup.fetch;

import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Downloads one file with java.net.http: resumes from a {@code .partial} file with Range (If-Range
 * guarded), retries transient failures with bounded backoff (honouring Retry-After), aborts a stalled or
 * trickling body and gives up on a server that does it again, follows redirects only to HTTPS (or to
 * hosts allowed plain HTTP), and never takes more than the release list's size. Every byte goes to the
 * sink exactly once, in order, and into the SHA-256 as it arrives: there is no second pass over the data.
 * Its files (the {@code .partial} and its {@code .validator}) are never followed through a link.
 */
public final class HttpDownloader {
    private static final Logger LOG = Logger.getLogger(HttpDownloader.class.getName());
    private static final int CHUNK = 128 * 1024;
    /** A server that keeps failing must not keep us busy forever, whatever progress it makes. */
    private static final int MAX_REQUESTS = 50;
    /**
     * A stall may be one bad connection, so it gets one more request; a second means the server is too slow,
     * and giving up then bounds the whole wait to about two stall timeouts, however the server trickles.
     */
    private static final int MAX_STALLS = 2;
    /** With no size in the release list, more than this is no Go download (the largest is about 300 MB). */
    static final long MAX_UNKNOWN_SIZE = 1L << 30;
    private static final int MAX_VALIDATOR_BYTES = 1024;

    /** Made on first use: a command that reads only local files never starts the client's selector thread. */
    private final java.util.function.Supplier<HttpClient> client;
    private final FetchPolicy policy;

    public HttpDownloader(HttpClient client, FetchPolicy policy) {
        this(() -> client, policy);
    }

    public HttpDownloader(java.util.function.Supplier<HttpClient> client, FetchPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /**
     * @param partial      the {@code .partial} file: bytes already there are resumed from (and passed to the
     *                     sink first), new bytes are appended
     * @param expectedSize the size the release list gives, or 0 when unknown
     */
    public FetchResult fetch(URI uri, Path partial, long expectedSize, ByteSink sink, ProgressListener listener,
                             CancelToken cancel) throws IOException {
        if (!policy.allows(uri)) {
            throw new DownloadException(Problem.of("download.httpsOnly", uri, uri.getHost()));
        }
        UrlCredentials credentials = UrlCredentials.of(uri);
        Sha256 sha = new Sha256();
        long offset = replayPartial(partial, sha, sink, cancel);
        RateMeter meter = new RateMeter(listener, expectedSize > 0 ? expectedSize : -1, offset);
        String validator = readValidator(partial).orElse(null);
        int failuresInARow = 0;
        int stalls = 0;
        Problem lastFailure = null;
        for (int request = 1; request <= MAX_REQUESTS; request++) {
            cancel.throwIfCancelled();
            if (expectedSize > 0 && offset == expectedSize) {
                break;
            }
            long before = offset;
            Attempt attempt = new Attempt(uri, credentials, partial, offset, validator, expectedSize, sha, sink, meter, cancel);
            try {
                attempt.run();
                offset = attempt.offset;
                validator = attempt.validator;
                if (attempt.complete && (expectedSize <= 0 || offset >= expectedSize)) {
                    break;
                }
                lastFailure = Problem.of("download.reason.closed", offset, expectedSize);
            } catch (RetryableException e) {
                offset = attempt.offset;
                validator = attempt.validator;
                lastFailure = e.reason;
                stalls += e.stall ? 1 : 0;
                if (e.retryAfter != null) {
                    sleep(e.retryAfter, cancel);
                }
            } catch (SinkFailed e) {
                throw e.getCause(); // the receiver stopped (a bad archive): no request can help
            } catch (IOException e) {
                if (e instanceof DownloadException || e instanceof ChecksumMismatchException
                        || e instanceof CancelToken.CancelledException) {
                    throw e;
                }
                offset = attempt.offset;
                validator = attempt.validator;
                lastFailure = attempt.stall != null ? attempt.stall : NetErrors.problem(e, uri.getHost());
                stalls += attempt.stall != null ? 1 : 0;
            }
            if (stalls >= MAX_STALLS) {
                // Bytes from a server this slow are not worth a resume: the next attempt should start clean.
                discardPartial(partial);
                throw new DownloadException(Problem.of("download.tooSlow", uri.getHost(), lastFailure, stalls,
                        policy.stallTimeout()));
            }
            failuresInARow = offset > before ? 1 : failuresInARow + 1;
            if (failuresInARow >= policy.attempts()) {
                throw new DownloadException(Problem.of("download.failedRepeatedly", uri, failuresInARow, lastFailure,
                        offset, partial.getFileName()));
            }
            Duration wait = backoff(failuresInARow);
            LOG.info("Retrying " + uri + " in " + wait.toMillis() + " ms: " + lastFailure.english());
            listener.retrying(failuresInARow, wait, lastFailure);
            sleep(wait, cancel);
        }
        if (expectedSize > 0 && offset != expectedSize) {
            throw new DownloadException(Problem.of("download.incomplete", uri, offset, expectedSize, MAX_REQUESTS));
        }
        meter.update(offset, true);
        return new FetchResult(offset, sha.hex());
    }

    private Duration backoff(int failures) {
        long millis = policy.firstBackoff().toMillis() << Math.min(failures - 1, 10);
        return Duration.ofMillis(Math.min(millis, policy.maxBackoff().toMillis()));
    }

    private static void sleep(Duration d, CancelToken cancel) throws IOException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            cancel.throwIfCancelled();
            try {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelToken.CancelledException();
            }
        }
    }

    /**
     * Bytes from an earlier, interrupted run: hashed and passed on, as if they had just arrived. Anything
     * but a plain file there (a link, a fifo) is no download of ours: it is removed, never followed.
     */
    private static long replayPartial(Path partial, Sha256 sha, ByteSink sink, CancelToken cancel) throws IOException {
        if (!Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        if (!Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS)) {
            discardPartial(partial);
            return 0;
        }
        return LocalFile.feed(partial, sha, sink, -1, ProgressListener.NONE, cancel, LinkOption.NOFOLLOW_LINKS);
    }

    private static Path validatorFile(Path partial) {
        return partial.resolveSibling(partial.getFileName() + ".validator");
    }

    private static Optional<String> readValidator(Path partial) {
        Path f = validatorFile(partial);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            String v = new String(in.readNBytes(MAX_VALIDATOR_BYTES), java.nio.charset.StandardCharsets.UTF_8).strip();
            // It goes back to the server as a header: one line of visible characters, or nothing.
            return v.isEmpty() || !v.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the partial download and what belongs to it. */
    public static void discardPartial(Path partial) throws IOException {
        Files.deleteIfExists(partial);
        Files.deleteIfExists(validatorFile(partial));
    }

    /**
     * A failure worth another request. Internal: always caught in {@link #fetch}; what reaches the user is its
     * {@link #reason}, inside the retry notice or the final {@link DownloadException}.
     */
    static final class RetryableException extends IOException {
        final Problem reason;
        final Duration retryAfter;
        /** The server did not answer in time: it counts towards giving up on a slow server. */
        final boolean stall;

        RetryableException(Problem reason, Duration retryAfter) {
            this(reason, retryAfter, false);
        }

        RetryableException(Problem reason, Duration retryAfter, boolean stall) {
            super(reason.english());
            this.reason = reason;
            this.retryAfter = retryAfter;
            this.stall = stall;
        }
    }

    /** The sink failed, not the network. */
    private static final class SinkFailed extends IOException {
        SinkFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** One HTTP request (following redirects), appending what arrives. */
    private final class Attempt {
        final URI start;
        final UrlCredentials credentials;
        final Path partial;
        final long expectedSize;
        final Sha256 sha;
        final ByteSink sink;
        final RateMeter meter;
        final CancelToken cancel;
        /** Why the watchdog closed the body (too little data), or null. */
        volatile Problem stall;
        long offset;
        String validator;
        boolean complete;

        Attempt(URI start, UrlCredentials credentials, Path partial, long offset, String validator, long expectedSize, Sha256 sha,
                ByteSink sink, RateMeter meter, CancelToken cancel) {
            this.start = start;
            this.credentials = credentials;
            this.partial = partial;
            this.offset = offset;
            this.validator = validator;
            this.expectedSize = expectedSize;
            this.sha = sha;
            this.sink = sink;
            this.meter = meter;
            this.cancel = cancel;
        }

        void run() throws IOException {
            URI uri = start;
            for (int redirects = 0; ; redirects++) {
                HttpRequest.Builder rb = credentials.request(uri).GET().timeout(policy.connectTimeout())
                        .header("User-Agent", "gosetup");
                if (offset > 0) {
                    rb.header("Range", "bytes=" + offset + "-");
                    if (validator != null) {
                        rb.header("If-Range", validator);
                    }
                }
                HttpResponse<InputStream> response;
                try {
                    response = client.get().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelToken.CancelledException();
                } catch (java.net.http.HttpTimeoutException e) {
                    throw new RetryableException(Problem.of("download.reason.noAnswer", uri.getHost(),
                            policy.connectTimeout()), null, true);
                } catch (javax.net.ssl.SSLException e) {
                    throw new DownloadException(Problem.of("download.tls", uri.getHost(), e.getMessage()), e);
                }
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    response.body().close();
                    if (redirects >= policy.maxRedirects()) {
                        throw new DownloadException(Problem.of("download.tooManyRedirects", start, policy.maxRedirects()));
                    }
                    URI from = uri;
                    String location = response.headers().firstValue("Location").orElseThrow(
                            () -> new DownloadException(Problem.of("download.redirectNoLocation", from, status)));
                    URI next = uri.resolve(location);
                    if (!policy.allows(next)) {
                        throw new DownloadException(Problem.of("download.redirectRefused", uri.getHost(), next));
                    }
                    uri = next;
                    continue;
                }
                read(uri, response);
                return;
            }
        }

        private void read(URI uri, HttpResponse<InputStream> response) throws IOException {
            int status = response.statusCode();
            try (InputStream body = response.body()) {
                if (status == 404 || status == 410) {
                    throw new DownloadException(Problem.of("download.notFound", uri, status));
                }
                if (status == 429 || status >= 500) {
                    Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(HttpDownloader::seconds)
                            .map(d -> d.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : d).orElse(null);
                    throw new RetryableException(Problem.of("download.reason.httpStatus", status, uri.getHost()), retryAfter);
                }
                if (status == 416 && expectedSize > 0 && offset == expectedSize) {
                    complete = true;
                    return;
                }
                long skip = 0;
                if (status == 206) {
                    long start = response.headers().firstValue("Content-Range").flatMap(HttpDownloader::rangeStart).orElse(-1L);
                    if (start != offset) {
                        throw new RetryableException(Problem.of("download.reason.badResume", start, offset), null);
                    }
                } else if (status == 200) {
                    skip = offset; // no resume: the same bytes again; the digest catches a changed file
                } else {
                    if (status == 407) {
                        throw new DownloadException(Problem.of("download.proxyAuth", uri.getHost()));
                    }
                    throw new DownloadException(Problem.of("download.httpStatus", uri, status));
                }
                long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (expectedSize > 0 && announced >= 0 && announced - skip > expectedSize - offset) {
                    discardPartial(partial);
                    throw new ChecksumMismatchException(Problem.of("checksum.announcedSize", uri.getHost(),
                            announced - skip + offset, expectedSize));
                }
                validator = response.headers().firstValue("ETag").filter(e -> !e.startsWith("W/"))
                        .or(() -> response.headers().firstValue("Last-Modified")).orElse(validator);
                if (validator != null) {
                    Files.writeString(validatorFile(partial), validator, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                }
                copy(body, skip);
                complete = true;
            }
        }

        private void copy(InputStream body, long skip) throws IOException {
            long limit = expectedSize > 0 ? expectedSize : MAX_UNKNOWN_SIZE;
            AtomicLong received = new AtomicLong();
            AtomicBoolean ourTurn = new AtomicBoolean();
            StallWatch watch = new StallWatch(policy.stallTimeout(), expectedSize > 0 ? expectedSize - offset + skip : -1,
                    System.nanoTime(), 0);
            ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gosetup-stall-watchdog");
                t.setDaemon(true);
                return t;
            });
            ScheduledFuture<?> check = watchdog.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                if (ourTurn.get()) {
                    watch.restart(now, received.get()); // waiting on the disk or the unpacker is not the server's stall
                } else if (cancel.isCancelled() || watch.stalled(now, received.get())) {
                    if (!cancel.isCancelled()) {
                        stall = watch.windowBytes() == 0 ? Problem.of("download.reason.noData", policy.stallTimeout())
                                : Problem.of("download.reason.trickle", StallWatch.MIN_BYTES_PER_WINDOW >> 10,
                                        policy.stallTimeout());
                    }
                    try {
                        body.close(); // unblocks the read below
                    } catch (IOException ignored) {
                        // closing is all we can do
                    }
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            byte[] buf = new byte[CHUNK];
            boolean tooLong = false;
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                int r;
                while ((r = body.read(buf)) > 0) {
                    received.addAndGet(r);
                    cancel.throwIfCancelled();
                    int from = 0;
                    if (skip > 0) {
                        int s = (int) Math.min(skip, r);
                        skip -= s;
                        from = s;
                    }
                    int len = r - from;
                    if (len == 0) {
                        continue;
                    }
                    if (offset + len > limit) {
                        tooLong = true; // stop at the size: not one byte more is read or kept
                        break;
                    }
                    ourTurn.set(true);
                    out.write(buf, from, len);
                    sha.update(buf, from, len);
                    try {
                        sink.write(buf, from, len);
                    } catch (IOException e) {
                        throw new SinkFailed(e);
                    }
                    ourTurn.set(false);
                    offset += len;
                    meter.update(offset, false);
                }
            } catch (IOException e) {
                cancel.throwIfCancelled();
                throw e;
            } finally {
                check.cancel(true);
                watchdog.shutdownNow();
            }
            if (tooLong) {
                discardPartial(partial);
                if (expectedSize > 0) {
                    throw new ChecksumMismatchException(Problem.of("checksum.tooLong", expectedSize));
                }
                throw new DownloadException(Problem.of("download.tooLarge", new dev.gosetup.i18n.ByteSize(MAX_UNKNOWN_SIZE)));
            }
            if (stall != null) {
                throw new Stalled();
            }
        }
    }

    static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: use our own backoff
        }
    }

    static Optional<Long> rangeStart(String contentRange) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes\\s+(\\d+)-").matcher(contentRange);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Internal: fetch() catches it and reports the stall (what StallWatch saw) as the reason; it has no words of its own. */
    private static final class Stalled extends IOException {
    }
}
