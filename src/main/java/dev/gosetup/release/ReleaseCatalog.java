package dev.gosetup.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.UrlCredentials;
import dev.gosetup.files.PrivateFolders;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the release list comes from: go.dev (or a mirror such as golang.google.cn), a local file, or the
 * last good copy on disk. Revalidates the cache with ETag / If-Modified-Since; offline it serves the
 * cache and says how old it is. A bad list never replaces a good cached one.
 */
public final class ReleaseCatalog {
    public static final URI OFFICIAL = URI.create("https://go.dev/dl/?mode=json&include=all");
    /** Files: go.dev/dl/FILE redirects here. */
    public static final URI OFFICIAL_FILES = URI.create("https://dl.google.com/go/");
    private static final Logger LOG = Logger.getLogger(ReleaseCatalog.class.getName());
    private static final int MAX_LIST_BYTES = 32 * 1024 * 1024;

    /** A loaded list and how fresh it is. */
    /** @param staleReason why the list could not be refreshed (a cached copy is served), or null */
    public record Loaded(ReleaseList list, String origin, Instant fetchedAt, boolean fromCache, Problem staleReason) {
        public Duration age() {
            return Duration.between(fetchedAt, Instant.now());
        }
    }

    /** Stored next to the cached list; epoch millis keep Jackson free of extra modules. */
    record CacheMeta(String url, long fetchedAtMillis, String etag, String lastModified) {
        Instant fetchedAt() {
            return Instant.ofEpochMilli(fetchedAtMillis);
        }
    }

    /** Made on first use: a command that reads only local files never starts the client's selector thread. */
    private final java.util.function.Supplier<HttpClient> client;
    private final FetchPolicy policy;
    private final Path cacheDir;
    private final ObjectMapper json = new ObjectMapper();

    public ReleaseCatalog(HttpClient client, FetchPolicy policy, Path cacheDir) {
        this(() -> client, policy, cacheDir);
    }

    public ReleaseCatalog(java.util.function.Supplier<HttpClient> client, FetchPolicy policy, Path cacheDir) {
        this.client = client;
        this.policy = policy;
        this.cacheDir = cacheDir;
    }

    /** @param source a URL (https, or http for allowed hosts), a file: URL or a path; null for go.dev */
    public Loaded load(String source) throws IOException {
        if (source != null && !source.matches("(?i)https?://.*")) {
            Path file = source.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new ReleaseListException(Problem.of("releaseList.noFile", file));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new Loaded(ReleaseList.parse(in, file.toString()), file.toString(),
                        Files.getLastModifiedTime(file).toInstant(), false, null);
            }
        }
        URI uri = source == null ? OFFICIAL : URI.create(source);
        if (!policy.allows(uri)) {
            throw new ReleaseListException(Problem.of("releaseList.httpsOnly", uri, uri.getHost()));
        }
        Path cache = cacheFile(uri);
        Path metaFile = cacheDir.resolve(cache.getFileName() + ".meta");
        CacheMeta meta = readMeta(metaFile);
        // What is stored carries no credentials: the cache's name and metadata come from the URL without them.
        String stored = UrlCredentials.withoutUserInfo(uri).toString();
        try {
            HttpRequest.Builder rb = UrlCredentials.of(uri).request(uri).timeout(Duration.ofSeconds(30)).header("User-Agent", "gosetup");
            if (meta != null && Files.exists(cache)) {
                if (meta.etag() != null) {
                    rb.header("If-None-Match", meta.etag());
                }
                if (meta.lastModified() != null) {
                    rb.header("If-Modified-Since", meta.lastModified());
                }
            }
            HttpResponse<InputStream> r = client.get().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = r.body()) {
                if (r.statusCode() == 304 && Files.exists(cache)) {
                    CacheMeta fresh = new CacheMeta(stored, System.currentTimeMillis(), meta.etag(), meta.lastModified());
                    writeMeta(metaFile, fresh);
                    return fromCache(cache, uri, fresh.fetchedAt(), null);
                }
                if (r.statusCode() == 407) {
                    // Caught below: the reason for a stale copy, or inside releaseList.unavailable.
                    throw new ProblemException(Problem.of("net.reason.proxyAuth", uri.getHost()));
                }
                if (r.statusCode() != 200) {
                    throw new ProblemException(Problem.of("download.reason.httpStatus", r.statusCode(), uri.getHost()));
                }
                byte[] bytes = body.readNBytes(MAX_LIST_BYTES + 1);
                if (bytes.length > MAX_LIST_BYTES) {
                    throw new ReleaseListException(Problem.of("releaseList.tooLarge", uri, new ByteSize(MAX_LIST_BYTES)));
                }
                ReleaseList list = ReleaseList.parse(new ByteArrayInputStream(bytes), uri.toString());
                PrivateFolders.create(cacheDir);
                dev.gosetup.files.AtomicFiles.write(cache, bytes);
                writeMeta(metaFile, new CacheMeta(stored, System.currentTimeMillis(), r.headers().firstValue("ETag").orElse(null),
                        r.headers().firstValue("Last-Modified").orElse(null)));
                return new Loaded(list, uri.toString(), Instant.now(), false, null);
            }
        } catch (IOException | ReleaseListException e) {
            if (Files.exists(cache) && meta != null) {
                LOG.log(Level.WARNING, "Release list " + uri + " unavailable; using the cached copy", e);
                return fromCache(cache, uri, meta.fetchedAt(), reason(e, uri));
            }
            if (e instanceof ReleaseListException rle) {
                throw rle;
            }
            throw new ReleaseListException(Problem.of("releaseList.unavailable", uri, reason(e, uri)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of("error.interrupted"), e);
        }
    }

    /** Why the list could not be fetched: our own problem as it is, a network failure by what it was. */
    private static Problem reason(Exception e, URI uri) {
        return e instanceof dev.gosetup.i18n.Reported r ? r.problem() : dev.gosetup.fetch.NetErrors.problem(e, uri.getHost());
    }

    private Path cacheFile(URI uri) {
        return cacheDir.resolve("releases-" + Integer.toHexString(UrlCredentials.withoutUserInfo(uri).toString().hashCode()) + ".json");
    }

    /** The last good copy on disk, without touching the network (for listings that must be instant). */
    public java.util.Optional<ReleaseList> cachedOnly(String source) {
        if (source != null && !source.matches("(?i)https?://.*")) {
            try {
                return java.util.Optional.of(load(source).list()); // a local file: reading it is as cheap as a cache
            } catch (IOException | ReleaseListException e) {
                return java.util.Optional.empty();
            }
        }
        URI uri = source == null ? OFFICIAL : URI.create(source);
        Path cache = cacheFile(uri);
        if (!Files.isRegularFile(cache)) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Files.newInputStream(cache)) {
            return java.util.Optional.of(ReleaseList.parse(in, cache.toString()));
        } catch (IOException | ReleaseListException e) {
            return java.util.Optional.empty();
        }
    }

    private Loaded fromCache(Path cache, URI uri, Instant fetchedAt, Problem staleReason) throws IOException {
        try (InputStream in = Files.newInputStream(cache)) {
            return new Loaded(ReleaseList.parse(in, cache.toString()), uri.toString(), fetchedAt, true, staleReason);
        }
    }

    private CacheMeta readMeta(Path metaFile) {
        try {
            return Files.exists(metaFile) ? json.readValue(metaFile.toFile(), CacheMeta.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void writeMeta(Path metaFile, CacheMeta meta) throws IOException {
        dev.gosetup.files.AtomicFiles.write(metaFile, json.writeValueAsBytes(meta));
    }

    /**
     * The download URL of a file: {@code <mirror>/<name>} (the official host without a mirror). The name is
     * appended as one encoded path segment, never resolved as a relative reference, so it cannot leave the
     * mirror's folder.
     */
    public static URI fileUri(String mirror, ArchiveName name) {
        if (isFolder(mirror)) {
            Path folder = Path.of(mirror).toAbsolutePath().normalize();
            Path file = folder.resolve(name.name());
            if (!folder.equals(file.getParent())) {
                throw new IllegalStateException(file + " is not inside the mirror folder " + folder);
            }
            return file.toUri();
        }
        URI base = fileBase(mirror);
        URI file = URI.create(base + name.urlSegment());
        if (!file.normalize().getRawPath().equals(base.getRawPath() + name.urlSegment())) {
            throw new IllegalStateException(file + " is not inside the mirror folder " + base);
        }
        return file;
    }

    /**
     * The folder files come from, ending in "/": dl.google.com, a mirror's URL (without query or fragment,
     * which a file name would not follow), or a local folder given as a path or a {@code file:} URL.
     *
     * @throws IllegalArgumentException when the mirror is not a folder URL
     */
    public static URI fileBase(String mirror) {
        if (mirror == null) {
            return OFFICIAL_FILES;
        }
        if (isFolder(mirror)) {
            URI folder = Path.of(mirror).toAbsolutePath().normalize().toUri();
            return folder.toString().endsWith("/") ? folder : URI.create(folder + "/");
        }
        URI u = URI.create(mirror).normalize();
        if (u.isOpaque() || u.getScheme() == null) {
            throw new dev.gosetup.i18n.ProblemArgumentException("release.mirror.notFolderUrl", mirror);
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return URI.create(u.getScheme() + ":" + (u.getRawAuthority() == null ? "" : "//" + u.getRawAuthority())
                + (path.endsWith("/") ? path : path + "/"));
    }

    /** A mirror given as a plain path (a shared folder of an air-gapped site). */
    private static boolean isFolder(String mirror) {
        return mirror != null && !mirror.contains("://") && !mirror.startsWith("file:");
    }
}
