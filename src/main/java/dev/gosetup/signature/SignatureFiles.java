package dev.gosetup.signature;

import dev.gosetup.fetch.DownloadException;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.UrlCredentials;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Small files next to the archives (FILE.asc, a published key): read from a {@code file:} folder or fetched over
 * the same client, proxy and plain-HTTP rules as the archive. "Not there" (404, 410, no such file) is an answer,
 * not a failure; anything bigger than {@code max} is refused rather than read.
 */
final class SignatureFiles {
    private static final int MAX_REDIRECTS = 5;

    private final Supplier<HttpClient> client;
    private final FetchPolicy policy;

    SignatureFiles(Supplier<HttpClient> client, FetchPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    Optional<byte[]> get(URI uri, int max) throws IOException {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path p = Path.of(uri);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            return Optional.of(limited(Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS), max, uri));
        }
        URI at = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!policy.allows(at)) {
                throw new DownloadException(Problem.of("download.httpsOnly", UrlCredentials.withoutUserInfo(at), at.getHost()));
            }
            HttpRequest request = UrlCredentials.of(uri).request(at).timeout(deadline())
                    .header("User-Agent", "gosetup").build();
            HttpResponse<InputStream> r;
            try {
                r = client.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException(); // Problems words it as "stopped before it was done"
            }
            int status = r.statusCode();
            if (status / 100 == 3 && r.headers().firstValue("Location").isPresent()) {
                r.body().close();
                at = at.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            if (status == 404 || status == 410) {
                r.body().close();
                return Optional.empty();
            }
            if (status != 200) {
                r.body().close();
                throw new DownloadException(Problem.of("download.httpStatus", UrlCredentials.withoutUserInfo(at), status));
            }
            return Optional.of(within(deadline(), r.body(), max, uri));
        }
        throw new DownloadException(Problem.of("download.tooManyRedirects", uri.getHost(), MAX_REDIRECTS));
    }

    /**
     * A signature file is at most a few KiB: the connection time and one stall window (the user's stall timeout) are
     * all it may take. A mirror that trickles it (or anything else) is given up on, not waited for, so a slow .asc
     * never holds the install back by more than that.
     */
    private Duration deadline() {
        return policy.connectTimeout().plus(policy.stallTimeout());
    }

    private static byte[] within(Duration deadline, InputStream body, int max, URI uri) throws IOException {
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return limited(body, max, uri);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
        try {
            return read.get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            body.close(); // what the server still sends is of no use
            throw new DownloadException(Problem.of("signature.tooSlow", UrlCredentials.withoutUserInfo(uri), deadline));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }

    private static byte[] limited(InputStream body, int max, URI uri) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw SignatureException.of("signature.tooLarge", UrlCredentials.withoutUserInfo(uri), max);
            }
            return bytes;
        }
    }
}
