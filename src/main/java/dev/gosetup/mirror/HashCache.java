package dev.gosetup.mirror;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each archive gosetup stored, keyed on its size and modification time, so that a re-run of an
 * unchanged mirror does not read gigabytes again (hashing runs at a few hundred MB/s on a laptop: a 5 GB mirror
 * costs half a minute or more per run; a look-up costs a stat). A file whose size or time changed is hashed again.
 * A change that keeps both (bit rot, a same-size overwrite with the time put back) is what {@code mirror verify}
 * is for: it never uses this cache.
 *
 * <p>It also records which files gosetup wrote: only those may ever be pruned.
 */
final class HashCache {
    /** A cached digest; {@code mtime} in milliseconds keeps the JSON free of extra modules. */
    /** @param noSignature upstream was asked for FILE.asc and has none (so a re-run does not ask again) */
    record Known(long size, long mtime, String sha256, boolean noSignature) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Far more than any mirror holds (go.dev lists about 3,000 archives over all of Go's history). */
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final Path file;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private HashCache(Path file) {
        this.file = file;
    }

    /** The cache in the folder; a missing, damaged or oversized one is an empty cache (everything is hashed). */
    static HashCache load(Path file) {
        HashCache cache = new HashCache(file);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return cache;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return cache;
            }
            Map<String, Known> read = JSON.readValue(bytes, JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, Known.class));
            read.forEach((name, k) -> {
                if (name != null && k != null && k.sha256() != null && k.sha256().matches("[0-9a-f]{64}")) {
                    cache.known.put(name, k);
                }
            });
        } catch (IOException | RuntimeException damaged) {
            cache.known.clear();
        }
        return cache;
    }

    /** The digest recorded for {@code path} when its size and time are still the ones recorded. */
    Optional<String> digest(String name, Path path) {
        Known k = known.get(name);
        if (k == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == k.size() && a.lastModifiedTime().toMillis() == k.mtime()
                    ? Optional.of(k.sha256()) : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** Notes the digest of a file as it is now (stored by us, or hashed in full). */
    void record(String name, Path path, String sha256) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        known.put(name, new Known(a.size(), a.lastModifiedTime().toMillis(), sha256, false));
    }

    /** Notes that upstream publishes no signature for this (recorded) file. */
    void noSignature(String name) {
        known.computeIfPresent(name, (n, k) -> new Known(k.size(), k.mtime(), k.sha256(), true));
    }

    /** Whether upstream was found to publish no signature for this file, as it is now. */
    boolean knownUnsigned(String name) {
        Known k = known.get(name);
        return k != null && k.noSignature();
    }

    /** Whether gosetup wrote (or checked) this file: the only files a prune may delete. */
    boolean ours(String name) {
        return known.containsKey(name);
    }

    void forget(String name) {
        known.remove(name);
    }

    void save() throws IOException {
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new TreeMap<>(known)));
    }
}
